package support

// Opt holds one property of a Graph object in one of three states: absent
// (the zero Opt), explicit JSON null, or a value. Graph PATCH requests use null
// to clear a property, so all three states survive a decode/encode round trip.
//
//	name := pc.DisplayName.Val                  // the value; "" when absent or null
//	if pc.DisplayName.State == Present { … }    // sent, and not null
//	pc.DisplayName = Some("Desk 7")             // send a value
//	pc.DisplayName.State = Null                 // send "displayName": null
//	pc.DisplayName = Opt[string]{}              // send nothing
//
// Opt has no methods on purpose: the compiler instantiates every method of a
// generic type once per type argument, and the whole Graph schema set has
// thousands of property types. Five methods cost a build of the whole set
// about 18 s and 1.3 GB (see graphgen's docs/design.md).
type Opt[T any] struct {
	// Val is the value when State is Present. Encoding ignores it
	// otherwise, and decoding leaves it zero.
	Val T
	// State says whether the property is absent (the zero State), null or
	// present.
	State State
	// quoted says that the value arrived as a JSON string: with the media
	// type parameter IEEE754Compatible=true Graph writes Edm.Int64 and
	// Edm.Decimal values so ("size": "9007199254740993"). Encoding writes
	// such a value back as a string. For an array it is set when any item
	// was a string.
	quoted bool
}

// State is the state of an Opt.
type State uint8

const (
	// Absent is a property that was not received and is not sent.
	Absent State = iota
	// Null is a property that is explicitly JSON null.
	Null
	// Present is a property with a value.
	Present
)

// Some returns an Opt holding v.
func Some[T any](v T) Opt[T] { return Opt[T]{Val: v, State: Present} }
