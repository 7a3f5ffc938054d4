package support

// Opt holds one property of a Graph object in one of three states: absent
// (the zero Opt), explicit JSON null, or a value. Graph PATCH requests use null
// to clear a property, so all three states survive a decode/encode round trip.
//
//	name := pc.DisplayName.Get()              // the value, or "" when absent or null
//	if name, ok := pc.DisplayName.Lookup(); ok { … }
//	pc.DisplayName = Some("Desk 7")          // send a value
//	pc.DisplayName.SetNull()                 // send "displayName": null
//	pc.DisplayName = Opt[string]{}           // send nothing
//
// Its method set is small on purpose: the compiler instantiates every method
// once per property type, thousands of times for the whole Graph schema set.
type Opt[T any] struct {
	value T
	state optState
}

type optState uint8

const (
	optAbsent optState = iota
	optNull
	optValue
)

// Some returns an Opt holding v.
func Some[T any](v T) Opt[T] { return Opt[T]{value: v, state: optValue} }

// Null returns an Opt holding an explicit JSON null.
func Null[T any]() Opt[T] { return Opt[T]{state: optNull} }

// Get returns the value, or the zero value of T when o is absent or null.
func (o Opt[T]) Get() T { return o.value }

// Lookup returns the value and whether o holds one.
func (o Opt[T]) Lookup() (T, bool) { return o.value, o.state == optValue }

// IsNull reports whether o holds an explicit JSON null.
func (o Opt[T]) IsNull() bool { return o.state == optNull }

// IsAbsent reports whether o is absent: not received, and not to be sent.
func (o Opt[T]) IsAbsent() bool { return o.state == optAbsent }

// SetNull makes o hold an explicit JSON null.
func (o *Opt[T]) SetNull() { *o = Opt[T]{state: optNull} }
