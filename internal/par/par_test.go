package par

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"

	_ "github.com/graphgen/graphgen/internal/testflag"
)

func TestForCallsEachIndexOnce(t *testing.T) {
	for _, procs := range []int{1, 4} {
		old := runtime.GOMAXPROCS(procs)
		got := make([]int, 1000)
		For(len(got), func(i int) { got[i]++ })
		runtime.GOMAXPROCS(old)
		for i, n := range got {
			assert.Equal(t, 1, n, "index %d with GOMAXPROCS %d", i, procs)
		}
	}
	For(0, func(int) { t.Fatal("called for n = 0") })
}
