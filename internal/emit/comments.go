package emit

import (
	"cmp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/internal/schema"
)

// docText makes schema text safe and readable as a Go comment: invalid
// UTF-8 and control characters (NUL, \r, …) become spaces or U+FFFD, and
// lines are wrapped at about 100 columns. Schema text can only ever end up
// inside // comments, where nothing it contains is code.
func docText(text string) string {
	text = strings.ToValidUTF8(text, string(utf8.RuneError))
	text = strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, text)
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrap(strings.TrimSpace(para), 100)...)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && len(line)+1+len(word) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}

// docComment joins a lead sentence, the schema description and a
// deprecation notice into one comment.
func docComment(lead, description string, dep *schema.Deprecation) string {
	parts := []string{docText(lead)}
	if d := docText(description); d != "" {
		parts = append(parts, notHeading(d))
	}
	if dep != nil {
		parts = append(parts, docText(deprecationText(dep)))
	}
	return strings.Join(parts, "\n\n")
}

func deprecationText(dep *schema.Deprecation) string {
	text := "Deprecated: " + cmp.Or(dep.Message, "Graph has deprecated this.")
	if dep.RemovalDate != "" {
		text += " Graph stops returning it on " + dep.RemovalDate + "."
	}
	return text
}

// comment renders text as // lines; jennifer would use /* */ for
// multi-line text, which a "*/" in a schema description could end.
func comment(text string) *jen.Statement {
	lines := strings.Split(text, "\n")
	s := jen.Comment(lines[0])
	for _, l := range lines[1:] {
		s.Line().Comment(l)
	}
	return s
}

// notHeading ends a one-line paragraph with a period when it has no final
// punctuation, so that gofmt does not turn it into a "# Heading".
func notHeading(para string) string {
	if strings.Contains(para, "\n") || strings.ContainsAny(para[len(para)-1:], ".!?:;,)") {
		return para
	}
	return para + "."
}
