package support

import "strings"

// Flags enums, pages and dispatch keys: the helpers generated code calls
// besides the table-driven codec.

// flagsKnown reports whether every flag of a comma-separated flags value is
// known. A value without a comma is a single flag, which known alone decides,
// so flagsKnown reports false for it.
func flagsKnown(v string, known func(flag string) bool) bool {
	if !strings.Contains(v, ",") {
		return false
	}
	for _, flag := range strings.Split(v, ",") {
		if !known(strings.TrimSpace(flag)) {
			return false
		}
	}
	return true
}

// Page is one page of a Graph collection, as GET on a collection returns
// it: every generated collection response (CloudPCCollectionResponse, …) is
// a Page of its item type. Follow NextLink until it is "" to read them all.
type Page[T any] interface {
	Items() []T
	// NextLink is the URL of the next page, "" on the last one.
	NextLink() string
}

// FlagsOf joins flags into one value of a flags enum: FlagsOf(ModeA, ModeB)
// is "modeA,modeB".
func FlagsOf[T ~string](flags ...T) T {
	parts := make([]string, len(flags))
	for i, f := range flags {
		parts[i] = string(f)
	}
	return T(strings.Join(parts, ","))
}

// flagsSplit returns the flags of a comma-separated value, in order.
func flagsSplit[T ~string](v string) []T {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	parts := strings.Split(v, ",")
	out := make([]T, len(parts))
	for i, p := range parts {
		out[i] = T(strings.TrimSpace(p))
	}
	return out
}

// flagsHas reports whether a comma-separated value contains flag.
func flagsHas(v, flag string) bool {
	if strings.TrimSpace(v) == "" {
		return false
	}
	for _, f := range strings.Split(v, ",") {
		if strings.TrimSpace(f) == flag {
			return true
		}
	}
	return false
}

// jsonTypeKey turns an @odata.type value into the key dispatch tables match:
// without the leading "#", ASCII lower-cased, appended to buf so that a
// caller's stack buffer avoids allocating.
// sameTypeKey reports whether two @odata.type values have the same
// jsonTypeKey.
func sameTypeKey(a, b string) bool {
	a, b = strings.TrimPrefix(a, "#"), strings.TrimPrefix(b, "#")
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

func jsonTypeKey(buf []byte, t string) []byte {
	if len(t) > 0 && t[0] == '#' {
		t = t[1:]
	}
	for i := 0; i < len(t); i++ {
		buf = append(buf, lowerASCII(t[i]))
	}
	return buf
}

// errorText is the Error text of OData's error body: "code: message".
func errorText(code, message string) string {
	switch {
	case code == "" && message == "":
		return "Graph error without a code or message"
	case code == "":
		return message
	case message == "":
		return code
	}
	return code + ": " + message
}
