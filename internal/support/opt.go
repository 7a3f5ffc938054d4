package support

// Opt holds one property of a Graph object in one of three states: absent
// (the zero Opt), explicit JSON null, or a value. Graph PATCH requests use null
// to clear a property, so all three states survive a decode/encode round trip.
//
//	pc.DisplayName.Get()             // value, or "" when absent or null
//	name, ok := pc.DisplayName.Lookup()
//	pc.DisplayName = Some("Desk 7")  // send a value
//	pc.DisplayName = Null[string]()  // send "displayName": null
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

// Or returns the value, or def when o is absent or null.
func (o Opt[T]) Or(def T) T {
	if o.state == optValue {
		return o.value
	}
	return def
}

// HasValue reports whether o holds a value.
func (o Opt[T]) HasValue() bool { return o.state == optValue }

// IsNull reports whether o holds an explicit JSON null.
func (o Opt[T]) IsNull() bool { return o.state == optNull }

// IsAbsent reports whether o is absent: not sent, not received.
func (o Opt[T]) IsAbsent() bool { return o.state == optAbsent }

// Set makes o hold v.
func (o *Opt[T]) Set(v T) { *o = Opt[T]{value: v, state: optValue} }

// SetNull makes o hold an explicit JSON null.
func (o *Opt[T]) SetNull() { *o = Opt[T]{state: optNull} }

// Unset makes o absent.
func (o *Opt[T]) Unset() { *o = Opt[T]{} }
