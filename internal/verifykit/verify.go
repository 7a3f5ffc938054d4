// Package verifykit is the harness of `graphgen verify`: it runs payload
// records through a generated package (decode, encode, compare, Validate)
// and reports one JSON result per record and a summary. It uses only the
// standard library, because verify copies it into a temporary module next
// to the generated package and compiles it there.
package verifykit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Model is what the generated package's UnmarshalByName returns.
type Model interface {
	MarshalJSON() ([]byte, error)
	Validate() error
}

// Decoder decodes data as the named type; nil, nil means the package has no
// such type.
type Decoder func(name string, data []byte) (Model, error)

// Record is one line of a payloads file.
type Record struct {
	ID         string          `json:"id"`
	Type       *string         `json:"type"`
	Collection bool            `json:"collection"`
	Payload    json.RawMessage `json:"payload"`
}

// Result is the outcome for one record.
type Result struct {
	ID         string   `json:"id"`
	Type       string   `json:"type,omitempty"`
	Skipped    bool     `json:"skipped,omitempty"`
	Decoded    bool     `json:"decoded"`
	RoundTrip  bool     `json:"roundtrip"`
	Valid      bool     `json:"valid"`
	Error      string   `json:"error,omitempty"`      // why decoding or encoding failed
	Difference string   `json:"difference,omitempty"` // where the re-encoded JSON differs
	Violations []string `json:"violations,omitempty"` // what Validate reported
}

// Summary counts the results.
type Summary struct {
	Records, Decoded, RoundTrip, Valid, Skipped int
}

func (s Summary) String() string {
	return fmt.Sprintf("verify: records=%d decoded=%d roundtrip=%d valid=%d skipped=%d",
		s.Records, s.Decoded, s.RoundTrip, s.Valid, s.Skipped)
}

// Failed reports whether a record that was not skipped failed to decode or
// to round-trip.
func (s Summary) Failed() bool {
	return s.Decoded < s.Records-s.Skipped || s.RoundTrip < s.Records-s.Skipped
}

// Run checks every record of in and writes one JSON Result a line to out,
// then the summary line.
func Run(in io.Reader, out io.Writer, decode Decoder) (Summary, error) {
	var sum Summary
	r := bufio.NewReader(in)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for line := 1; ; line++ {
		data, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(data)) > 0 {
			var rec Record
			if jerr := json.Unmarshal(data, &rec); jerr != nil {
				return sum, fmt.Errorf("payloads line %d: %w", line, jerr)
			}
			res := Check(rec, decode)
			sum.add(res)
			if werr := enc.Encode(res); werr != nil {
				return sum, werr
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return sum, err
		}
	}
	_, err := fmt.Fprintln(out, sum)
	return sum, err
}

func (s *Summary) add(r Result) {
	s.Records++
	switch {
	case r.Skipped:
		s.Skipped++
		return
	case !r.Decoded:
		return
	}
	s.Decoded++
	if r.RoundTrip {
		s.RoundTrip++
	}
	if r.Valid {
		s.Valid++
	}
}

// Check runs one record: a page (collection) decodes as the type's
// collection response when the package has one.
func Check(rec Record, decode Decoder) Result {
	res := Result{ID: rec.ID}
	if rec.Type == nil {
		res.Skipped = true
		return res
	}
	res.Type = *rec.Type
	name := res.Type
	if rec.Collection {
		name += "CollectionResponse"
	}
	m, err := decode(name, rec.Payload)
	if m == nil && err == nil && rec.Collection {
		m, err = decodePage(res.Type, rec.Payload, decode)
	}
	if m == nil && err == nil {
		res.Skipped = true
		return res
	}
	if err != nil {
		res.Error = err.Error()
		return res
	}
	res.Decoded = true
	encoded, err := m.MarshalJSON()
	if err != nil {
		res.Error = "encode: " + err.Error()
		return res
	}
	res.RoundTrip, res.Difference = Equal(rec.Payload, encoded)
	res.Violations = violations(m.Validate())
	res.Valid = len(res.Violations) == 0
	return res
}

// violations lists what Validate reported, one line each.
func violations(err error) []string {
	if err == nil {
		return nil
	}
	var many interface{ Unwrap() []error }
	if !errors.As(err, &many) {
		return []string{err.Error()}
	}
	var out []string
	for _, e := range many.Unwrap() {
		out = append(out, strings.TrimSpace(e.Error()))
	}
	return out
}
