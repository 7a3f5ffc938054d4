package support

import "strings"

// Flags enums: a value of a flags enum is a comma-separated set of its
// members ("modeA,modeB").

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
