// Skipping: reading or skipping one value of any kind without decoding it
// (unknown members, raw JSON).

package support

// readRaw reads exactly one value of any kind, fully validating it, and
// returns a copy of its bytes.
func (r *jsonReader) readRaw() []byte {
	if r.err != nil {
		return nil
	}
	start := jsonSkipWS(r.data, r.pos)
	if !r.skipValue() {
		return nil
	}
	return r.copyBytes(r.data[start:r.pos])
}

// skipValue is readRaw without the copy. It does not recurse, so the nesting
// depth is bounded only by maxDepth (counted from the current depth).
func (r *jsonReader) skipValue() bool {
	if r.err != nil {
		return false
	}
	data := r.data
	i := r.pos
	depth := 0 // nesting relative to r.depth
	// arrays is a stack of one bit per open container, set for an array:
	// all skipValue needs to know of a container to check what may follow
	// a value in it. Eight words on the stack cover 512 levels without an
	// allocation; deeper input (up to maxDepth) grows it.
	var small [8]uint64
	arrays := small[:] // bit d set: the container at relative depth d is an array
	for {
		// A value is expected at i.
		i = jsonSkipWS(data, i)
		if i >= len(data) {
			r.failAt(i, "unexpected end of input")
			return false
		}
		switch c := data[i]; c {
		case '{', '[':
			if r.depth+depth >= r.maxDepth {
				r.failAt(i, "nesting depth exceeds %d", r.maxDepth)
				return false
			}
			w := depth >> 6
			for w >= len(arrays) {
				arrays = append(arrays, 0)
			}
			if c == '[' {
				arrays[w] |= 1 << (depth & 63)
			} else {
				arrays[w] &^= 1 << (depth & 63)
			}
			depth++
			i = jsonSkipWS(data, i+1)
			if i < len(data) && data[i] == c+2 { // '}' or ']': each is two after its opener in ASCII
				i++
				depth--
				break
			}
			if c == '{' {
				if i = r.skipKey(data, i, "string key or '}'"); i < 0 {
					return false
				}
			}
			continue
		case '"':
			end, _, code := scanString(data, i)
			if code != scanOK {
				r.failScan(end, code)
				return false
			}
			i = end
		case 't':
			if i = r.skipLiteral(i, "true"); i < 0 {
				return false
			}
		case 'f':
			if i = r.skipLiteral(i, "false"); i < 0 {
				return false
			}
		case 'n':
			if i = r.skipLiteral(i, "null"); i < 0 {
				return false
			}
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			end, code := scanNumber(data, i)
			if code != scanOK {
				r.failScan(end, code)
				return false
			}
			i = end
		default:
			r.failAt(i, "invalid character %s looking for beginning of value", jsonQuoteChar(c))
			return false
		}
		// A value ended at i: close finished containers, then find the
		// start of the next value.
		for {
			if depth == 0 {
				r.pos = i
				return true
			}
			i = jsonSkipWS(data, i)
			if i >= len(data) {
				r.failAt(i, "unexpected end of input")
				return false
			}
			d := depth - 1
			isArray := arrays[d>>6]&(1<<(d&63)) != 0
			c := data[i]
			if c == ',' {
				if !isArray {
					if i = r.skipKey(data, jsonSkipWS(data, i+1), "string key"); i < 0 {
						return false
					}
				} else {
					i++
				}
				break
			}
			if isArray && c == ']' || !isArray && c == '}' {
				i++
				depth--
				continue
			}
			if isArray {
				r.failExpect(i, "',' or ']' after array element")
			} else {
				r.failExpect(i, "',' or '}' after object member")
			}
			return false
		}
	}
}

// skipKey scans an object key and its ':' at data[i], returning the index
// after the colon, or -1 after failing.
func (r *jsonReader) skipKey(data []byte, i int, what string) int {
	if i >= len(data) || data[i] != '"' {
		r.failExpect(i, what)
		return -1
	}
	end, _, code := scanString(data, i)
	if code != scanOK {
		r.failScan(end, code)
		return -1
	}
	i = jsonSkipWS(data, end)
	if i >= len(data) || data[i] != ':' {
		r.failExpect(i, "':' after object key")
		return -1
	}
	return i + 1
}

// skipLiteral matches lit at data[i], returning the index after it, or -1
// after failing.
func (r *jsonReader) skipLiteral(i int, lit string) int {
	for k := 0; k < len(lit); k++ {
		if i+k >= len(r.data) {
			r.failAt(i+k, "unexpected end of input")
			return -1
		}
		if r.data[i+k] != lit[k] {
			r.failAt(i+k, "invalid character %s in literal %s (expecting '%c')", jsonQuoteChar(r.data[i+k]), lit, lit[k])
			return -1
		}
	}
	return i + len(lit)
}
