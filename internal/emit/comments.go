package emit

import (
	"cmp"
	"go/build/constraint"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/internal/schema"
)

// Comments are the one place where text, schema text included, becomes Go
// source outside string literals. Every comment emit writes goes through
// commentLines, which yields inert // lines only:
//   - each line is "//" or "// " followed by the text, so no line is a
//     directive (//go:generate, //line, //export, //extern need "//" directly
//     before the name) and no line opens or closes a block comment;
//   - a line that Go would still read as a build constraint ("// +build")
//     gets a backslash: "// \+build ignore";
//   - invalid UTF-8 becomes U+FFFD, and control characters (NUL, \r, …) and
//     Unicode line separators become spaces, so a line ends only where the
//     text has a \n.
//
// jennifer's Comment, Commentf and PackageComment write a string that starts
// with "//" or "/*" verbatim and a multi-line string as a /* */ block, so
// they are only ever given a finished line from commentLines
// (TestCommentsGoThroughOneWriter checks emit's source for other calls).

// comment renders text as // lines.
func comment(text string) *jen.Statement {
	lines := commentLines(text)
	s := jen.Comment(lines[0])
	for _, l := range lines[1:] {
		s.Line().Comment(l)
	}
	return s
}

// commentLines returns text as finished comment lines, one per line of text.
func commentLines(text string) []string {
	lines := strings.Split(plainText(text), "\n")
	for i, l := range lines {
		lines[i] = commentLine(l)
	}
	return lines
}

// commentLine is one inert comment line: "// text", or "//" when text is
// blank.
func commentLine(text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return "//"
	}
	line := "// " + text
	if constraint.IsPlusBuild(line) {
		line = `// \` + text
	}
	return line
}

// plainText replaces invalid UTF-8 with U+FFFD and every control character
// but \n, and U+2028/U+2029, with a space.
func plainText(text string) string {
	text = strings.ToValidUTF8(text, string(utf8.RuneError))
	return strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, text)
}

// docText makes schema text readable as a comment: plain text (see
// plainText), each paragraph's lines wrapped at about 100 columns.
func docText(text string) string {
	var out []string
	for _, para := range strings.Split(plainText(text), "\n") {
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

// notHeading ends a one-line paragraph with a period when it has no final
// punctuation, so that gofmt does not turn it into a "# Heading".
func notHeading(para string) string {
	if strings.Contains(para, "\n") || strings.ContainsAny(para[len(para)-1:], ".!?:;,)") {
		return para
	}
	return para + "."
}

// fileHeader starts a file with the generated-code header.
func fileHeader(f *jen.File) {
	f.HeaderComment(commentLine(Header))
}

// packageComment writes text as the package doc comment.
func packageComment(f *jen.File, text string) {
	for _, line := range commentLines(text) {
		f.PackageComment(line)
	}
}
