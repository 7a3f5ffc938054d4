package schema

import (
	"fmt"
	"strings"
)

// The CSDL model: what graphgen reads of an EDMX document's schemas, with
// where each element is: what the rules of docs/csdl.md look at, no more.

// csdlDocument is every Schema of an EDMX document, in order.
type csdlDocument struct {
	Schemas []*csdlSchema
}

// csdlSchema is one <Schema>: a namespace, its alias, and its elements.
type csdlSchema struct {
	Namespace, Alias string
	EnumTypes        []*csdlEnum
	Types            []*csdlType // entity and complex types, in document order
	Operations       []*csdlOperation
	Annotations      []*csdlTargetAnnotations // <Annotations Target="…"> blocks
	Container        *csdlContainer
}

// csdlType is an EntityType or a ComplexType. Of its facets only Abstract
// changes what Microsoft's converter writes (docs/csdl.md §2.5).
type csdlType struct {
	Name       string
	Entity     bool
	BaseType   string // as written: "graph.entity", "microsoft.graph.entity"
	Abstract   bool
	Properties []*csdlProperty // structural and navigation properties, in document order
	Annotation []*csdlAnnotation
	at         *xmlNode
}

// csdlProperty is a Property, a NavigationProperty, an operation's
// Parameter or its ReturnType.
type csdlProperty struct {
	Name       string
	Type       string // as written: "Edm.String", "Collection(graph.user)"
	Nullable   bool   // Nullable, whose default is true
	Navigation bool
	Annotation []*csdlAnnotation
	at         *xmlNode
}

// csdlEnum is an EnumType.
type csdlEnum struct {
	Name       string
	IsFlags    bool
	Members    []*csdlMember
	Annotation []*csdlAnnotation
	at         *xmlNode
}

// csdlMember is one Member of an EnumType.
type csdlMember struct {
	Name, Value string
	Annotation  []*csdlAnnotation
	at          *xmlNode
}

// csdlOperation is an Action or a Function.
type csdlOperation struct {
	Name       string
	Action     bool
	IsBound    bool
	Parameters []*csdlProperty // the binding parameter first, for a bound one
	ReturnType *csdlProperty   // nil for an action without one
}

// csdlAnnotation is one Annotation: its term, and its value kept as its
// element (a constant in an attribute, or a Record, a Collection).
type csdlAnnotation struct {
	Term string
	at   *xmlNode
}

// csdlTargetAnnotations is an <Annotations Target="…"> block.
type csdlTargetAnnotations struct {
	Target     string
	Annotation []*csdlAnnotation
	at         *xmlNode
}

// csdlContainer is the EntityContainer: its entity sets and singletons.
type csdlContainer struct {
	EntitySets []*csdlEntitySet
}

// csdlEntitySet is an EntitySet or a Singleton.
type csdlEntitySet struct {
	Name, Type string
	Singleton  bool
}

// parseCSDL reads an EDMX document into the CSDL model; every problem is
// an *xmlError with its line and column.
func parseCSDL(data []byte) (*csdlDocument, error) {
	root, err := parseXMLTree(data)
	if err != nil {
		return nil, err
	}
	if root.Name != "Edmx" {
		return nil, &xmlError{root.Line, root.Col, fmt.Sprintf("not CSDL: the root element is <%s>, not <edmx:Edmx>", root.Name)}
	}
	doc := &csdlDocument{}
	for _, ds := range root.Children {
		if ds.Name != "DataServices" {
			continue // edmx:Reference, edmx:Include: other documents, not read
		}
		for _, s := range ds.Children {
			if s.Name == "Schema" {
				doc.Schemas = append(doc.Schemas, readCSDLSchema(s))
			}
		}
	}
	if len(doc.Schemas) == 0 {
		return nil, &xmlError{root.Line, root.Col, "no <Schema> in <edmx:DataServices>"}
	}
	return doc, nil
}

func readCSDLSchema(n *xmlNode) *csdlSchema {
	s := &csdlSchema{}
	s.Namespace, _ = n.attr("Namespace")
	s.Alias, _ = n.attr("Alias")
	for _, c := range n.Children {
		switch c.Name {
		case "EnumType":
			s.EnumTypes = append(s.EnumTypes, readCSDLEnum(c))
		case "EntityType", "ComplexType":
			s.Types = append(s.Types, readCSDLType(c))
		case "Action", "Function":
			s.Operations = append(s.Operations, readCSDLOperation(c))
		case "Annotations":
			a := &csdlTargetAnnotations{at: c, Annotation: readCSDLAnnotations(c)}
			a.Target, _ = c.attr("Target")
			s.Annotations = append(s.Annotations, a)
		case "EntityContainer":
			s.Container = readCSDLContainer(c)
		}
	}
	return s
}

func readCSDLType(n *xmlNode) *csdlType {
	t := &csdlType{at: n, Entity: n.Name == "EntityType", Annotation: readCSDLAnnotations(n)}
	t.Name, _ = n.attr("Name")
	t.BaseType, _ = n.attr("BaseType")
	t.Abstract = boolAttr(n, "Abstract", false)
	for _, c := range n.Children {
		if c.Name == "Property" || c.Name == "NavigationProperty" {
			t.Properties = append(t.Properties, readCSDLProperty(c))
		}
	}
	return t
}

func readCSDLProperty(n *xmlNode) *csdlProperty {
	p := &csdlProperty{at: n, Navigation: n.Name == "NavigationProperty", Annotation: readCSDLAnnotations(n)}
	p.Name, _ = n.attr("Name")
	p.Type, _ = n.attr("Type")
	p.Nullable = boolAttr(n, "Nullable", true)
	return p
}

func readCSDLEnum(n *xmlNode) *csdlEnum {
	e := &csdlEnum{at: n, Annotation: readCSDLAnnotations(n)}
	e.Name, _ = n.attr("Name")
	e.IsFlags = boolAttr(n, "IsFlags", false)
	for _, c := range n.Children {
		if c.Name == "Member" {
			m := &csdlMember{at: c, Annotation: readCSDLAnnotations(c)}
			m.Name, _ = c.attr("Name")
			m.Value, _ = c.attr("Value")
			e.Members = append(e.Members, m)
		}
	}
	return e
}

func readCSDLOperation(n *xmlNode) *csdlOperation {
	op := &csdlOperation{Action: n.Name == "Action"}
	op.Name, _ = n.attr("Name")
	op.IsBound = boolAttr(n, "IsBound", false)
	for _, c := range n.Children {
		switch c.Name {
		case "Parameter":
			op.Parameters = append(op.Parameters, readCSDLProperty(c))
		case "ReturnType":
			op.ReturnType = readCSDLProperty(c)
		}
	}
	return op
}

func readCSDLContainer(n *xmlNode) *csdlContainer {
	c := &csdlContainer{}
	for _, e := range n.Children {
		if e.Name == "EntitySet" || e.Name == "Singleton" {
			set := &csdlEntitySet{Singleton: e.Name == "Singleton"}
			set.Name, _ = e.attr("Name")
			set.Type, _ = e.attr("EntityType")
			if set.Singleton {
				set.Type, _ = e.attr("Type")
			}
			c.EntitySets = append(c.EntitySets, set)
		}
	}
	return c
}

// readCSDLAnnotations returns the Annotation children of n.
func readCSDLAnnotations(n *xmlNode) []*csdlAnnotation {
	var out []*csdlAnnotation
	for _, c := range n.Children {
		if c.Name == "Annotation" {
			a := &csdlAnnotation{at: c}
			a.Term, _ = c.attr("Term")
			out = append(out, a)
		}
	}
	return out
}

// boolAttr reads a boolean facet; def when absent or not "true"/"false".
func boolAttr(n *xmlNode, name string, def bool) bool {
	v, ok := n.attr(name)
	switch {
	case !ok:
		return def
	case strings.EqualFold(v, "true"):
		return true
	case strings.EqualFold(v, "false"):
		return false
	}
	return def
}
