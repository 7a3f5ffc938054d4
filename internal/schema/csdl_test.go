package schema

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCSDLReadsGraphMetadata reads every CSDL document in ../shared into the
// CSDL model and checks what Graph's documents hold: the microsoft.graph
// schema with its alias, types with bases and properties, enums with flags,
// and the actions and functions of the 2025-11-07 release (817 and 305).
func TestCSDLReadsGraphMetadata(t *testing.T) {
	dir := filepath.Join(sharedGraph(t), "csdl")
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	require.NoError(t, err)
	read := 0
	for _, file := range files {
		if strings.HasSuffix(file, ".md") {
			continue
		}
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		doc, err := parseCSDL(data)
		require.NoError(t, err, file)
		read++
		var graph *csdlSchema
		for _, s := range doc.Schemas {
			if s.Namespace == "microsoft.graph" {
				graph = s
			}
		}
		require.NotNil(t, graph, "%s: the microsoft.graph schema", file)
		assert.Equal(t, "graph", graph.Alias, file)
		assert.NotEmpty(t, graph.EnumTypes, file)
		user := findCSDLType(graph, "user")
		require.NotNil(t, user, "%s: microsoft.graph.user", file)
		assert.True(t, user.Entity)
		assert.Equal(t, "graph.directoryObject", user.BaseType, file)
		assert.NotEmpty(t, user.Properties)
		if filepath.Base(file) == "v1.0-2025-11-07.xml" {
			actions, functions := 0, 0
			for _, s := range doc.Schemas {
				for _, op := range s.Operations {
					if op.Action {
						actions++
					} else {
						functions++
					}
				}
			}
			assert.Equal(t, [2]int{817, 305}, [2]int{actions, functions}, "actions and functions")
		}
	}
	assert.Equal(t, 4, read, "the four CSDL documents in ../shared")
}

func findCSDLType(s *csdlSchema, name string) *csdlType {
	for _, t := range s.Types {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// TestCSDLHostileXML checks that untrusted XML is a clear error with its
// line and column, never a hang or a blow-up: entity declarations, entity
// references, deep nesting, invalid UTF-8, malformed XML, not CSDL.
func TestCSDLHostileXML(t *testing.T) {
	const edmx = `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>`
	for _, c := range []struct {
		name, doc, want string
	}{
		{"entity declarations", `<?xml version="1.0"?>` + "\n" + `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>` + "\n" + `<edmx:Edmx>&lol2;</edmx:Edmx>`,
			"2:1: a <!DOCTYPE> or other directive is not allowed"},
		{"an undeclared entity", edmx + `<Schema Namespace="a">&xxe;</Schema>`, "1:126: malformed XML: invalid character entity &xxe;"},
		{"deep nesting", edmx + strings.Repeat("<a>", 300), "elements nested more than 256 deep"},
		{"invalid UTF-8", edmx + "<Schema Namespace=\"\xff\"/>", "malformed XML: invalid UTF-8"},
		{"unclosed", edmx + `<Schema Namespace="a">`, "malformed XML: unexpected EOF"},
		{"not CSDL", `<html><body/></html>`, "1:1: not CSDL: the root element is <html>, not <edmx:Edmx>"},
		{"no schema", edmx + `</edmx:DataServices></edmx:Edmx>`, "1:1: no <Schema> in <edmx:DataServices>"},
		{"two roots", edmx + `</edmx:DataServices></edmx:Edmx><x/>`, "a second root element"},
	} {
		_, err := parseCSDL([]byte(c.doc))
		require.Error(t, err, c.name)
		assert.Contains(t, err.Error(), c.want, c.name)
		var xe *xmlError
		require.ErrorAs(t, err, &xe, c.name)
		assert.Positive(t, xe.Line, c.name)
	}
}

// FuzzCSDL feeds arbitrary bytes to the CSDL reader and to Load: a model
// or an *xmlError with a position, a package or errors, never a panic or a
// hang.
func FuzzCSDL(f *testing.F) {
	f.Add([]byte(`<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>` +
		`<Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">` +
		`<EnumType Name="e" IsFlags="true"><Member Name="a" Value="1"/></EnumType>` +
		`<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>` +
		`<EntityType Name="user" BaseType="graph.entity" OpenType="true"><NavigationProperty Name="manager" Type="graph.entity" ContainsTarget="true"/>` +
		`<Annotation Term="Org.OData.Core.V1.Description" String="A user."/></EntityType>` +
		`<Action Name="archive" IsBound="true"><Parameter Name="bindingParameter" Type="Collection(graph.user)"/><ReturnType Type="Edm.Boolean"/></Action>` +
		`</Schema></edmx:DataServices></edmx:Edmx>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if pkg, err := Load(context.Background(), []Document{{File: "api.xml", Data: data}}, Options{AllowMissingRefs: true}); err == nil && pkg == nil {
			t.Fatal("no package and no error")
		}
		doc, err := parseCSDL(data)
		if err == nil && doc == nil {
			t.Fatal("no model and no error")
		}
		var xe *xmlError
		if err != nil && (!errors.As(err, &xe) || xe.Line <= 0) {
			t.Fatalf("an error without a position: %v", err)
		}
	})
}

// TestCSDLProblems: a CSDL document whose types name nothing, use an
// unknown Edm type or derive from each other in a cycle is every problem at
// once, each at its element's line and column, and no package.
func TestCSDLProblems(t *testing.T) {
	const head = `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
`
	const tail = "\n</Schema></edmx:DataServices></edmx:Edmx>"
	for _, c := range []struct {
		name, body string
		want       []string
	}{
		{"dangling types", `<EntityType Name="a" BaseType="graph.missing"/>
<ComplexType Name="b"><Property Name="x" Type="Edm.Strange"/>
<Property Name="y" Type="graph.nothing"/></ComplexType>`, []string{
			"api.xml:3:1: microsoft.graph.a: the base type graph.missing names nothing in the document",
		}},
		{"properties", `<ComplexType Name="b"><Property Name="x" Type="Edm.Strange"/>
<Property Name="y" Type="graph.nothing"/></ComplexType>`, []string{
			"api.xml:3:23: microsoft.graph.b.x: unknown type Edm.Strange",
			"api.xml:4:1: microsoft.graph.b.y: the type graph.nothing names nothing in the document",
		}},
		{"a cycle", `<EntityType Name="a" BaseType="graph.b"/>
<EntityType Name="b" BaseType="graph.a"/>`, []string{"api.xml:3:1: microsoft.graph.a: its base types form a cycle"}},
		{"kinds", `<EntityType Name="a" BaseType="graph.c"/>
<ComplexType Name="c"/>`, []string{"api.xml:3:1: microsoft.graph.a: the base type graph.c is not a type of the same kind"}},
	} {
		_, err := Load(context.Background(), []Document{{File: "api.xml", Data: []byte(head + c.body + tail)}}, Options{})
		require.Error(t, err, c.name)
		var errs Errors
		require.ErrorAs(t, err, &errs, c.name)
		var got []string
		for _, e := range errs {
			got = append(got, e.Error())
		}
		assert.Equal(t, c.want, got, c.name)
	}
	_, err := Load(context.Background(), []Document{{File: "api.xml", Data: []byte(head + "<EntityType Name=\"a\"><bad" + tail)}}, Options{})
	require.Error(t, err)
	assert.Regexp(t, `^api.xml:4:1: malformed XML: expected attribute name`, err.Error(), "an XML error with its position")
}
