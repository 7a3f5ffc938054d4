package emit

import "github.com/graphgen/graphgen/internal/schema"

// The support code's identifiers that generated code refers to, declared
// once. The support code (internal/support, copied into every generated
// package) declares them; the emitter only names them.
// TestSupportIdentifiersAreDeclared reads them from this file and checks
// each, and every kind and format constant below, against the support
// code's declarations.
const (
	// Types: of the tables, of a property, of the hidden tag.
	supStructDesc    = "structDesc"
	supFieldDesc     = "fieldDesc"
	supFieldMore     = "fieldMore"
	supPolyDesc      = "polyDesc"
	supEnumDesc      = "enumDesc"
	supRuleDesc      = "ruleDesc"
	supRegistryEntry = "registryEntry"
	supModel         = "model" // the interface, and its one method
	supOpt           = "Opt"
	supProperties    = "Properties"
	supTypeTag       = "typeTag"

	// supRegistry is declared by generated code and read by the support code.
	supRegistry = "registry"

	// Functions that generated methods and functions call.
	supMarshalModel    = "marshalModel"
	supUnmarshalModel  = "unmarshalModel"
	supValidateModel   = "validateModel"
	supNewByName       = "newByName"
	supUnmarshalByName = "unmarshalByName"
	supUnmarshalAs     = "unmarshalAs"
	supAsBase          = "asBase"
	supConcreteOf      = "concreteOf"
	supErrorText       = "errorText"
	supFlagsHas        = "flagsHas"
	supFlagsSplit      = "flagsSplit"

	// Field flags and rule bounds in the tables.
	supFieldRequired      = "fieldRequired"
	supFieldNotNull       = "fieldNotNull"
	supFieldDiscriminator = "fieldDiscriminator"
	supFieldArray         = "fieldArray"
	supFieldNullableItems = "fieldNullableItems"
	supHasMinimum         = "hasMinimum"
	supHasMaximum         = "hasMaximum"
)

// kindKey is an IR kind with its size in bits (0 for kinds without one).
type kindKey struct {
	kind schema.Kind
	bits int
}

// kindConsts are the support code's kind constants for each IR kind a
// value can have (arrays are described by their items).
var kindConsts = map[kindKey]string{
	{schema.KindString, 0}:    "kindString",
	{schema.KindFormatted, 0}: "kindString",
	{schema.KindEnum, 0}:      "kindString",
	{schema.KindDecimal, 0}:   "kindDecimal",
	{schema.KindBool, 0}:      "kindBool",
	{schema.KindInt, 8}:       "kindInt8",
	{schema.KindInt, 16}:      "kindInt16",
	{schema.KindInt, 32}:      "kindInt32",
	{schema.KindInt, 64}:      "kindInt64",
	{schema.KindUint, 8}:      "kindUint8",
	{schema.KindUint, 16}:     "kindUint16",
	{schema.KindUint, 32}:     "kindUint32",
	{schema.KindUint, 64}:     "kindUint64",
	{schema.KindFloat, 32}:    "kindFloat32",
	{schema.KindFloat, 64}:    "kindFloat64",
	{schema.KindRaw, 0}:       "kindRaw",
	{schema.KindStruct, 0}:    "kindStruct",
}

// valueKind is the support code's kind constant for a value of type v;
// a kind the table lacks is held as raw JSON.
func valueKind(v *schema.Type) string {
	bits := 0
	switch v.Kind {
	case schema.KindInt, schema.KindUint, schema.KindFloat:
		bits = v.Bits
	}
	if c, ok := kindConsts[kindKey{v.Kind, bits}]; ok {
		return c
	}
	return kindConsts[kindKey{schema.KindRaw, 0}]
}
