package schema

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMergeDefinitions loads pairs of inputs that define the same names:
// identical definitions are one type, in any order of the inputs and in any
// mix of folders and documents; different ones are an error at the first
// place they differ, naming both files.
func TestMergeDefinitions(t *testing.T) {
	const user = `{"type":"object","properties":{"displayName":{"type":"string"},"age":{"type":"integer","format":"int32"}}}`
	const userInt = `{"type":"object","properties":{"displayName":{"type":"integer"},"age":{"type":"integer","format":"int32"}}}`
	doc := func(schemas string) []byte {
		return []byte("openapi: 3.0.4\ncomponents:\n  schemas:\n" + schemas)
	}
	userYAML := "    microsoft.graph.user:\n      type: object\n      properties:\n        displayName:\n          type: string\n        age:\n          type: integer\n          format: int32\n"
	groupYAML := "    microsoft.graph.group:\n      type: object\n      properties:\n        members:\n          type: array\n          items:\n            $ref: '#/components/schemas/microsoft.graph.user'\n"
	tests := []struct {
		name    string
		docs    []Document
		structs []string
		merged  int
		err     string
	}{
		{
			name:    "identical in two documents",
			docs:    []Document{{File: "a.yaml", Data: doc(userYAML)}, {File: "b.yaml", Data: doc(userYAML)}},
			structs: []string{"User"},
			merged:  1,
		},
		{
			name:    "one document lacks a schema the other has",
			docs:    []Document{{File: "a.yaml", Data: doc(userYAML + groupYAML)}, {File: "b.yaml", Data: doc(userYAML)}},
			structs: []string{"Group", "User"},
			merged:  1,
		},
		{
			name: "a folder's file and a document",
			docs: []Document{
				{File: "schemas/microsoft.graph.user.json", Data: []byte(`{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"#/components/schemas/microsoft.graph.user",` + user[1:])},
				{File: "b.yaml", Data: doc(userYAML + groupYAML)},
			},
			structs: []string{"Group", "User"},
			merged:  1,
		},
		{
			name: "different",
			docs: []Document{{File: "b.yaml", Data: doc(userYAML)}, {File: "a/microsoft.graph.user.json", Data: []byte(userInt)}},
			err: `b.yaml:8:11: /components/schemas/microsoft.graph.user/properties/displayName/type: schema "microsoft.graph.user" is also defined ` +
				`in a/microsoft.graph.user.json:1:47, differently: "string" here, "integer" there (at /properties/displayName/type)`,
		},
		{
			name: "a property only one has",
			docs: []Document{{File: "a.json", Data: []byte(`{"$id":"#/components/schemas/microsoft.graph.user","type":"object","properties":{"displayName":{"type":"string"}}}`)},
				{File: "b.yaml", Data: doc(userYAML)}},
			err: `b.yaml:10:11: /components/schemas/microsoft.graph.user/properties/age: schema "microsoft.graph.user" is also defined ` +
				`in a.json:1:81, differently: {"format":"int32","type":"integer"} here, nothing there (at /properties/age)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, docs := range [][]Document{tt.docs, {tt.docs[1], tt.docs[0]}} {
				pkg, err := Load(context.Background(), docs, Options{})
				if tt.err != "" {
					require.Error(t, err)
					assert.Equal(t, tt.err, err.Error())
					continue
				}
				require.NoError(t, err)
				var names []string
				for _, s := range pkg.Structs {
					names = append(names, s.Name.Name)
				}
				assert.Equal(t, tt.structs, names)
				assert.Equal(t, tt.merged, pkg.Merged)
			}
		})
	}
}
