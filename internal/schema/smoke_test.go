package schema

import (
	"context"
	"encoding/json"
	"os"
	"testing"
)

func TestSmoke(t *testing.T) {
	docs, err := ReadInput(os.DirFS("../.."), "schemas", "schemas")
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := Load(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range pkg.Structs {
		b := ""
		if s.Base != nil {
			b = s.Base.Name.Name
		}
		t.Logf("struct %s base=%s odata=%s poly=%v", s.Name.Name, b, s.ODataType, s.Poly != nil)
		for _, f := range s.Fields {
			j, _ := json.Marshal(f.Type.Name)
			t.Logf("   %s %s kind=%d %s null=%v req=%v disc=%v dep=%v", f.Name, f.JSONName, f.Type.Kind, j, f.Nullable, f.Required, f.Discriminator, f.Deprecation != nil)
		}
	}
	for _, e := range pkg.Enums {
		t.Logf("enum %s %d evolv=%v", e.Name.Name, len(e.Members), e.Evolvable)
		for _, m := range e.Members {
			t.Logf("   %s %s optin=%v", m.Name, m.Value, m.OptInOnly)
		}
	}
}
