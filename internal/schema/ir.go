// Package schema loads Microsoft Graph schemas (an OpenAPI 3.x document or a
// folder of per-schema JSON Schema files) and lowers them to a final,
// Go-shaped intermediate representation. It is the only package that knows
// about kin-openapi; everything downstream sees only the types in this file.
//
// Lowering decides every Go name, field type, pointer-ness, embedding, enum
// member name, discriminator table and validation rule, in one place. The IR
// holds ordered slices only, so consumers never sort.
package schema

// Package is one lowered schema set: everything emit needs to print Go.
type Package struct {
	Structs   []*Struct      // object schemas, sorted by Go name
	Enums     []*Enum        // string enum schemas, sorted by Go name
	Scalars   []*Scalar      // other schemas (numbers, booleans, arrays), sorted by Go name
	Patterns  []*Pattern     // distinct regular expressions used by validators, sorted by Name
	Warnings  Errors         // problems that did not stop the run, e.g. missing references allowed by Options
	Skipped   []Skipped      // what the input holds that carries no model, e.g. {"parameters", 5}, sorted by What
	Merged    int            // definitions repeated with the same content in several inputs, each made one type
	Registry  []RegistryName // every struct by schema name and @odata.type, sorted by Name: what New, UnmarshalByName and Unmarshal look up
	InputHash string         // fingerprint of the schemas and options, e.g. "sha256:0123456789abcdef"; equal for both input forms
	Options   Options        // the options the package was lowered with
}

// RegistryName is one name of the registry: a schema name or @odata.type
// and its struct.
type RegistryName struct {
	Name   string // e.g. "microsoft.graph.cloudPC" or "#microsoft.graph.cloudPC"
	Struct *Struct
}

// Skipped counts one kind of thing the input holds that carries no model,
// such as OpenAPI parameters or binary bodies.
type Skipped struct {
	What  string // e.g. "parameters", "security schemes", "bodies without an object schema"
	Count int
}

// Body says which operations declare a struct inline as their request or
// response body.
type Body struct {
	Response   bool     // the body of a success response; else of a request
	Operations []string // e.g. "POST /admin/serviceAnnouncement/messages/microsoft.graph.archive", sorted
}

// Ident is a Go identifier, optionally qualified by an import path.
type Ident struct {
	Name       string // e.g. "CloudPC", "string", "time.Time" is Name "Time" with ImportPath "time"
	ImportPath string // "" for predeclared and generated-package identifiers
}

// Origin says where an IR node came from, for error messages.
type Origin struct {
	File    string // path of the input file, e.g. "schemas/microsoft.graph.cloudPC.json"
	Pointer string // JSON Pointer of the schema in that file, e.g. "/allOf/1/properties/status"
}

// Deprecation marks a schema or property that Graph has deprecated.
type Deprecation struct {
	Message     string // e.g. "Going forward, use the errorCode property."
	RemovalDate string // e.g. "2024-01-31"; "" when not announced
}

// Struct describes an object schema, which becomes a Go struct.
type Struct struct {
	Name        Ident        // e.g. "CloudPC"
	File        string       // the file it is generated into, e.g. "cloud_pc_gen.go"; unique ignoring case
	SchemaName  string       // e.g. "microsoft.graph.cloudPC"
	Doc         string       // schema description, plain text
	Deprecation *Deprecation // nil unless deprecated
	Base        *Struct      // the embedded base (allOf $ref), nil for a root
	Fields      []*Field     // own properties only, in schema order
	ODataType   string       // this type's @odata.type value, e.g. "#microsoft.graph.cloudPC"; "" when none
	Poly        *Poly        // non-nil when other generated types derive from this one
	Page        *Page        // non-nil for a collection response: a page of Page.Items
	Body        *Body        // non-nil for an inline body of operations
	Error       *ErrorText   // non-nil for OData's error body, which is a Go error
	Origin      Origin
}

// ErrorText makes a struct a Go error: its Error method returns the code
// and message of the value in Field, e.g. ODataError.ErrorProperty.
type ErrorText struct {
	Field   *Field // e.g. ODataError.ErrorProperty, a *MainError
	Code    *Field // e.g. MainError.Code
	Message *Field // e.g. MainError.Message
}

// Scalar describes a schema that is neither an object nor a string enum,
// such as ODataCountResponse (type: integer): a Go type defined on the
// schema's type.
type Scalar struct {
	Name        Ident        // e.g. "ODataCountResponse"
	File        string       // e.g. "o_data_count_response_gen.go"
	SchemaName  string       // e.g. "ODataCountResponse"
	Doc         string       // schema description, plain text
	Deprecation *Deprecation // nil unless deprecated
	Type        *Type        // the underlying type, e.g. int32, []string, json.RawMessage
	Origin      Origin
}

// Root returns the root of s's inheritance chain (s itself for a root).
// The root carries the discriminator field and the undeclared properties.
func (s *Struct) Root() *Struct {
	for s.Base != nil {
		s = s.Base
	}
	return s
}

// Poly describes a base type with subtypes: the table that picks the
// concrete type from the discriminator while decoding. A value of a subtype
// is held as a pointer to the base, like any other (see Type.Kind); the
// root of a hierarchy with subtypes has a hidden tag naming the concrete
// type.
type Poly struct {
	Field    *Field      // the root's discriminator field, e.g. Entity.ODataType
	Property string      // discriminator JSON name, "@odata.type"
	Cases    []*Dispatch // every generated descendant with a discriminator value, sorted by Key
}

// Tagged reports whether s has the hidden tag that names the concrete type
// of a value held as a base: roots with subtypes.
func (s *Struct) Tagged() bool { return s.Base == nil && s.Poly != nil }

// Page describes a collection response (Graph's XCollectionResponse): one
// page of a collection, with the link to the next.
type Page struct {
	Items    *Field // the "value" array, e.g. CloudPCCollectionResponse.Value
	NextLink *Field // "@odata.nextLink", declared on the struct or a base
}

// Dispatch is one entry of a discriminator table.
type Dispatch struct {
	Value  string  // e.g. "#microsoft.graph.cloudPC"
	Key    string  // Value without its leading "#", lower-cased: dispatch matches "#microsoft.graph.user", "microsoft.graph.user" and "#Microsoft.Graph.User", which Graph's own docs write
	Struct *Struct // the concrete type to decode
}

// Field describes one property of an object schema.
type Field struct {
	Name          string       // Go field name, e.g. "AadDeviceID"
	JSONName      string       // e.g. "aadDeviceId"
	Type          *Type        // the Go type held inside Opt
	Nullable      bool         // JSON null is a valid value
	Required      bool         // the property must be present (the discriminator never is)
	ReadOnly      bool         // Graph ignores the property in requests
	Navigation    bool         // x-ms-navigationProperty: present only when $expand-ed
	Discriminator bool         // this is the @odata.type property of a root
	Doc           string       // property description, plain text
	Deprecation   *Deprecation // nil unless deprecated
	Rules         Rules        // validation rules beyond type, presence and nullability
	Origin        Origin
}

// Kind is how a value is represented in Go and read from and written to JSON.
type Kind int

// The kinds of Type.
const (
	KindString    Kind = iota // string
	KindBool                  // bool
	KindInt                   // int8..int64 (Type.Bits)
	KindUint                  // uint8..uint64 (Type.Bits)
	KindFloat                 // float32/float64 (Type.Bits); also reads "INF", "-INF", "NaN"
	KindDecimal               // Decimal: a number literal kept verbatim
	KindFormatted             // a text-backed format type: DateTime, Date, TimeOfDay, Duration, UUID, Base64URL
	KindEnum                  // a generated enum type (Type.Enum)
	KindStruct                // *S for a generated struct (Type.Struct), with or without subtypes, so that a first subtype changes no Go type
	KindArray                 // []Elem (Type.Elem, Type.ElemNullable)
	KindRaw                   // json.RawMessage: any JSON value, kept verbatim
)

// Type is the Go type of a property value or array item.
type Type struct {
	Kind         Kind
	Name         Ident   // the Go type, e.g. {"string" ""}, {"DateTime" ""}, {"CloudPC" ""}, {"RawMessage" "encoding/json"}; empty for arrays
	Bits         int     // 8, 16, 32 or 64 for numbers
	Format       *Format // KindFormatted: its format (see Formats); KindDecimal: DecimalFormat
	Enum         *Enum   // for KindEnum
	Struct       *Struct // for KindStruct
	Elem         *Type   // for KindArray
	ElemNullable bool    // for KindArray: items may be JSON null (held as Opt[Elem], or as nil for structs)
}

// String spells t as Go source does, unqualified: "string", "*CloudPC",
// "[]*CloudPC", "[]Opt[DayOfWeek]", "json.RawMessage".
func (t *Type) String() string {
	switch t.Kind {
	case KindStruct:
		return "*" + t.Name.Name
	case KindRaw:
		return "json.RawMessage"
	case KindArray:
		if t.OptItems() {
			return "[]Opt[" + t.Elem.String() + "]"
		}
		return "[]" + t.Elem.String()
	}
	return t.Name.Name
}

// OptItems reports whether the items of an array are held in an Opt:
// nullable items of any type but structs, whose null is a nil pointer.
func (t *Type) OptItems() bool {
	return t.Kind == KindArray && t.ElemNullable && t.Elem.Kind != KindStruct
}

// Rules are the schema's validation keywords that lowering kept: bounds equal
// to the Go type's own range and patterns identical to a format's grammar are
// dropped here, so every rule in the IR can fail.
type Rules struct {
	Minimum   *Bound   // nil when open
	Maximum   *Bound   // nil when open
	MinLength int      // -1 when open
	MaxLength int      // -1 when open
	MinItems  int      // -1 when open
	MaxItems  int      // -1 when open
	Pattern   *Pattern // nil when none
	Item      *Rules   // rules for array items; nil when none
}

// Bound is a numeric bound as a Go literal of the field's type, e.g. "0", "100", "2.5".
type Bound struct {
	Literal string
}

// Pattern is a regular expression a string must match.
type Pattern struct {
	Name string // package-level variable holding the compiled expression, e.g. "patternSku"
	Expr string // the expression as the schema wrote it
}

// Enum describes a string enum schema.
type Enum struct {
	Name        Ident         // e.g. "CloudPcDeviceImageStatus"
	File        string        // the file it is generated into, e.g. "cloud_pc_device_image_status_gen.go"; unique ignoring case
	SchemaName  string        // e.g. "microsoft.graph.cloudPcDeviceImageStatus"
	Doc         string        // schema description, plain text
	Deprecation *Deprecation  // nil unless deprecated
	Members     []*EnumMember // in schema order
	Values      []string      // the members' values, sorted: the set IsKnown and Validate search
	Flags       bool          // x-ms-enum-flags: a comma-separated set of members
	Evolvable   bool          // has the unknownFutureValue sentinel
	Origin      Origin
}

// EnumMember is one value of an enum.
type EnumMember struct {
	Name       string // Go constant, e.g. "CloudPcDeviceImageStatusPending"
	Value      string // wire value, e.g. "pending"
	Doc        string // member description, plain text
	OptInOnly  bool   // listed after unknownFutureValue: Graph sends it only with Prefer: include-unknown-enum-members
	IsSentinel bool   // the unknownFutureValue sentinel itself
}
