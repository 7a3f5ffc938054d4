package main

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/internal/schema"
)

// A goType is a field's type in the output, e.g. *string, []User, []*int32,
// json.RawMessage. It is comparable: a union compares the types that two
// subtypes give one JSON name.
type goType struct {
	Prefix string // "*", "[]", "[]*", "[][]"; "" for json.RawMessage
	Name   string // e.g. "string", "int32", "User", "RawMessage"
	Path   string // the import path: "encoding/json" for RawMessage, else ""
}

var rawMessage = goType{Name: "RawMessage", Path: "encoding/json"}

func (t goType) String() string {
	if t.Path != "" {
		return t.Prefix + "json." + t.Name
	}
	return t.Prefix + t.Name
}

// code is t as jennifer code.
func (t goType) code() *jen.Statement {
	if t.Prefix == "" {
		return jen.Qual(t.Path, t.Name)
	}
	return jen.Op(t.Prefix).Qual(t.Path, t.Name)
}

// fieldType is the Go type of a property of type t, as oapi-codegen writes
// it: pointer scalars and structs, []T arrays, and the struct the type
// names (nil for none).
func fieldType(t *schema.Type) (goType, *schema.Struct) {
	switch t.Kind {
	case schema.KindStruct:
		return goType{Prefix: "*", Name: t.Struct.Name.Name}, t.Struct
	case schema.KindArray:
		item, ref := itemType(t.Elem, t.ElemNullable)
		item.Prefix = "[]" + item.Prefix
		return item, ref
	}
	if name, ok := scalarName(t); ok {
		return goType{Prefix: "*", Name: name}, nil
	}
	return rawMessage, nil
}

// itemType is the Go type of an array's items: structs as values, scalars
// as values unless they may be null (then *T).
func itemType(t *schema.Type, nullable bool) (goType, *schema.Struct) {
	switch t.Kind {
	case schema.KindStruct:
		return goType{Name: t.Struct.Name.Name}, t.Struct
	case schema.KindArray:
		item, ref := itemType(t.Elem, t.ElemNullable)
		item.Prefix = "[]" + item.Prefix
		return item, ref
	}
	name, ok := scalarName(t)
	switch {
	case !ok:
		return rawMessage, nil
	case nullable:
		return goType{Prefix: "*", Name: name}, nil
	}
	return goType{Name: name}, nil
}

// scalarName is the Go type of a scalar the peers read natively: text
// (strings, enums, and formats such as date-time, uuid, duration and
// base64, as bench/plain has them), booleans and integers. Floats and
// decimals are not: Graph writes them as a number or as a string ("NaN",
// "INF"), which no Go numeric type reads; nor is raw JSON.
func scalarName(t *schema.Type) (string, bool) {
	switch t.Kind {
	case schema.KindString, schema.KindFormatted, schema.KindEnum:
		return "string", true
	case schema.KindBool:
		return "bool", true
	case schema.KindInt:
		return fmt.Sprintf("int%d", t.Bits), true
	case schema.KindUint:
		return fmt.Sprintf("uint%d", t.Bits), true
	}
	return "", false
}
