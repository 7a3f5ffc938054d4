package support

// The shared -update flag, so that go test ./... -update works here too.
import _ "github.com/graphgen/graphgen/internal/testflag"
