package schema

// Format is a string format of the schemas that a text-backed type of the
// support code holds and checks. Formats is the one table of their facts:
// lowering picks the type and drops the redundant pattern, the emitter
// writes the constant, and the tests check that the support code declares
// both and names the format alike.
type Format struct {
	Name   string // the schema's format, "date-time"
	GoType string // the support code's type, "DateTime"
	Const  string // the support code's format constant, "formatDateTime"
	// Pattern is the pattern Graph writes next to the format. The type's
	// Valid method checks exactly this grammar, so the pattern is dropped
	// rather than checked twice; "" for none.
	Pattern string
}

// Formats lists every format with a text-backed type.
var Formats = []*Format{
	{"date-time", "DateTime", "formatDateTime", `^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$`},
	{"date", "Date", "formatDate", `^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$`},
	{"time", "TimeOfDay", "formatTimeOfDay", `^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?$`},
	{"duration", "Duration", "formatDuration", `^-?P([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+([.][0-9]+)?S)?)?$`},
	{"uuid", "UUID", "formatUUID", `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`},
	{"base64url", "Base64URL", "formatBase64URL", ""},
}

// DecimalFormat is the format of Edm.Decimal values (KindDecimal), which
// the support code checks as a number literal held as text.
var DecimalFormat = &Format{Name: "decimal", GoType: "Decimal", Const: "formatDecimal"}

// formatNamed returns the text-backed format of the given name, or nil.
func formatNamed(name string) *Format {
	for _, f := range Formats {
		if f.Name == name {
			return f
		}
	}
	return nil
}
