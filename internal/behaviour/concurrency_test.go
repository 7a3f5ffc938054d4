package behaviour

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	poly "github.com/graphgen/graphgen/testdata/golden/polymorphic/expected"
)

// TestConcurrentUseOfFreshTables decodes, encodes and validates from many
// goroutines at once before anything else in this test has used the
// polymorphic golden package's tables, which build their field maps and
// encode plans on first use and publish them atomically (`go test -race
// -run TestConcurrentUseOfFreshTables` checks that; run alone, the tables
// are fresh).
func TestConcurrentUseOfFreshTables(t *testing.T) {
	data := []byte(userWithMemberships)
	var wg sync.WaitGroup
	outs := make([][]byte, 8)
	for i := range outs {
		wg.Go(func() {
			v, err := poly.Unmarshal[poly.DirectoryObject](data)
			if !assert.NoError(t, err) {
				return
			}
			outs[i], err = v.MarshalJSON()
			assert.NoError(t, err)
			_ = v.Validate()
		})
	}
	wg.Wait()
	var want poly.User
	require.NoError(t, want.UnmarshalJSON(data))
	wantOut, err := want.MarshalJSON()
	require.NoError(t, err)
	for _, out := range outs {
		assert.JSONEq(t, string(wantOut), string(out))
	}
}
