package emit_test

import (
	"bytes"
	"context"
	"encoding/json"
	"go/format"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/internal/emit"
	"github.com/graphgen/graphgen/internal/gocheck"
	"github.com/graphgen/graphgen/internal/schema"
)

// schemaText is what FuzzSchemaText puts into a schema: text that ends up in
// comments, and names that become identifiers and string literals.
type schemaText struct {
	typeDoc, propName, propDoc, deprecation, member, memberDoc string
}

// documents builds a type with one fuzzed and one enum property, and the
// enum with one fuzzed member, as JSON Schema files.
func (s schemaText) documents() []schema.Document {
	obj := map[string]any{
		"$id": "#/components/schemas/microsoft.graph.fuzz", "type": "object", "description": s.typeDoc,
		"properties": map[string]any{
			s.propName: map[string]any{"type": "string", "description": s.propDoc,
				"x-ms-deprecation": map[string]any{"description": s.deprecation, "removalDate": s.deprecation}},
			"fuzzMode": map[string]any{"$ref": "#/components/schemas/microsoft.graph.fuzzMode"},
		},
	}
	enum := map[string]any{
		"$id": "#/components/schemas/microsoft.graph.fuzzMode", "type": "string", "description": s.typeDoc,
		"enum": []string{s.member, "unknownFutureValue"},
		"x-ms-enum": map[string]any{"name": "fuzzMode", "values": []any{
			map[string]any{"value": s.member, "name": s.member, "description": s.memberDoc},
		}},
	}
	return []schema.Document{{File: "fuzz.json", Data: mustJSON(obj)}, {File: "fuzzMode.json", Data: mustJSON(enum)}}
}

func mustJSON(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return data
}

func generateText(t *testing.T, s schemaText) []emit.File {
	pkg, err := schema.Load(context.Background(), s.documents(), schema.Options{})
	require.NoError(t, err, "%+v", s)
	files, err := emit.Emit(pkg, emit.Options{PackageName: "fuzz"})
	require.NoError(t, err, "%+v", s)
	return files
}

// FuzzSchemaText: arbitrary text in descriptions, deprecation notes, enum
// member descriptions, property names and enum values generates a package
// whose files parse, are gofmt-clean, carry only inert // comments, and
// have the same tokens outside comments as the same schemas without
// descriptions: no text ever becomes code.
func FuzzSchemaText(f *testing.F) {
	attack := "x\n/* */ func init() { panic(1) } //\n//go:generate echo PWNED\n\t//line a.go:1\n+build ignore\r\n*/"
	f.Add(attack, "id", attack, attack, "a", attack)
	f.Add("", "*/ x /*", "", "", "*/", "")
	f.Add("\x00\xff\u2028", "quote\"d", "`raw`", "//export x", "", "   +build linux")
	f.Fuzz(func(t *testing.T, typeDoc, propName, propDoc, deprecation, member, memberDoc string) {
		text := schemaText{typeDoc, propName, propDoc, deprecation, member, memberDoc}
		files := generateText(t, text)
		plain := generateText(t, schemaText{propName: propName, member: member})
		require.Len(t, plain, len(files))
		for i, file := range files {
			require.NoError(t, gocheck.Source(file.Name, file.Data))
			formatted, err := format.Source(file.Data)
			require.NoError(t, err, file.Name)
			require.True(t, bytes.Equal(formatted, file.Data), "%s is not gofmt-clean", file.Name)
			got, err := gocheck.CodeTokens(file.Name, file.Data)
			require.NoError(t, err)
			want, err := gocheck.CodeTokens(plain[i].Name, plain[i].Data)
			require.NoError(t, err)
			require.Equal(t, want, got, "%s: schema text changed the code", file.Name)
		}
	})
}
