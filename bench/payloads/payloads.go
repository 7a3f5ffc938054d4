// Package payloads builds the two Graph responses the benchmarks decode and
// encode. Both are deterministic: a fixed seed, no clock, no map iteration,
// so every run, machine and peer sees the same bytes.
//
//   - CloudPCPage: GET /deviceManagement/virtualEndpoint/cloudPCs, 1,000
//     items shaped like the cloudPC example of the Graph docs (the one
//     graphgen's own tests use, testdata/payloads/cloudpc-get.json), with
//     varied ids, names, fractional-second date-times, enum values and nulls.
//     Like the docs example it carries status and statusDetails, which the
//     v1.0 schema no longer declares: real responses carry members newer
//     than the schema, and a decoder has to keep or drop them.
//   - UserPage: GET /users?$expand=memberOf, 100 users shaped like the docs
//     examples of user-list, user-delta and user-post-users, each with a
//     polymorphic memberOf (groups, directory roles and administrative
//     units shaped like group-get, directoryrole-get and
//     administrativeunit-post-administrativeunits), string lists, nested
//     objects and annotations.
//
// The JSON is compact, the way Graph sends it.
package payloads

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
)

// Item counts of the two pages.
const (
	CloudPCItems = 1000
	UserItems    = 100
)

// seed is the fixed seed of both generators.
const seed = 0x6772617068676e

// CloudPCPage returns a 1,000-item cloudPCs collection page (about 795 KB).
func CloudPCPage() []byte {
	g := newGen(1)
	var b bytes.Buffer
	b.Grow(820 << 10)
	b.WriteString(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#deviceManagement/virtualEndpoint/cloudPCs","value":[`)
	for i := range CloudPCItems {
		if i > 0 {
			b.WriteByte(',')
		}
		g.cloudPC(&b, i)
	}
	b.WriteString(`],"@odata.nextLink":"https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/cloudPCs?$skiptoken=`)
	b.WriteString(g.token(48))
	b.WriteString(`"}`)
	return b.Bytes()
}

// UserPage returns a 100-user page of GET /users?$expand=memberOf (about
// 100 KB).
func UserPage() []byte {
	g := newGen(2)
	var b bytes.Buffer
	b.Grow(128 << 10)
	b.WriteString(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(memberOf())",`)
	b.WriteString(`"@microsoft.graph.tips":"Use $select to choose only the properties your app needs, as this can lead to performance improvements. For example: GET users?$select=businessPhones,displayName",`)
	b.WriteString(`"value":[`)
	for i := range UserItems {
		if i > 0 {
			b.WriteByte(',')
		}
		g.user(&b, i)
	}
	b.WriteString(`],"@odata.nextLink":"https://graph.microsoft.com/v1.0/users?$expand=memberOf&$skiptoken=`)
	b.WriteString(g.token(120))
	b.WriteString(`"}`)
	return b.Bytes()
}

// gen writes JSON values from a seeded generator.
type gen struct {
	r *rand.Rand

	// groups and others are the users page's memberOf targets.
	groups, others []directoryObject
}

func newGen(stream uint64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, stream))}
}

// chance is true with probability p.
func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// pick returns one of s.
func pick[T any](g *gen, s []T) T { return s[g.r.IntN(len(s))] }

// uuid is a random version-4 UUID in its canonical text form.
func (g *gen) uuid() string {
	var u [16]byte
	for i := range u {
		u[i] = byte(g.r.UintN(256))
	}
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// token is an opaque skiptoken of n characters.
func (g *gen) token(n int) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.r.IntN(len(alphabet))]
	}
	return string(b)
}

// dateTime is a UTC date-time in 2019–2024 with 0, 3 or 7 fraction digits,
// the three precisions Graph sends.
func (g *gen) dateTime() string {
	y := 2019 + g.r.IntN(6)
	mo := 1 + g.r.IntN(12)
	d := 1 + g.r.IntN(28)
	h, mi, s := g.r.IntN(24), g.r.IntN(60), g.r.IntN(60)
	base := fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s)
	switch g.r.IntN(3) {
	case 0:
		return base + "Z"
	case 1:
		return fmt.Sprintf("%s.%03dZ", base, g.r.IntN(1000))
	default:
		return fmt.Sprintf("%s.%07dZ", base, g.r.IntN(10_000_000))
	}
}

// jsonString writes s as a JSON string; the generators only produce text
// that needs escaping for quotes and backslashes.
func jsonString(b *bytes.Buffer, s string) {
	b.WriteString(strconv.Quote(s))
}

// member writes ,"name": (or "name": when first).
func member(b *bytes.Buffer, first bool, name string) {
	if !first {
		b.WriteByte(',')
	}
	b.WriteByte('"')
	b.WriteString(name)
	b.WriteString(`":`)
}

func str(b *bytes.Buffer, name, v string) {
	member(b, false, name)
	jsonString(b, v)
}

func strOrNull(b *bytes.Buffer, name, v string, null bool) {
	member(b, false, name)
	if null {
		b.WriteString("null")
		return
	}
	jsonString(b, v)
}

func boolean(b *bytes.Buffer, name string, v bool) {
	member(b, false, name)
	b.WriteString(strconv.FormatBool(v))
}

func strList(b *bytes.Buffer, name string, vs []string) {
	member(b, false, name)
	b.WriteByte('[')
	for i, v := range vs {
		if i > 0 {
			b.WriteByte(',')
		}
		jsonString(b, v)
	}
	b.WriteByte(']')
}
