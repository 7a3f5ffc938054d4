package emit

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"

	"github.com/graphgen/graphgen/internal/support"
)

// supportFiles copies the support code (internal/support) into the
// generated package: support.go -> graphgen_support.go with the package
// clause renamed and the generated-code header added.
func supportFiles(pkgName string) ([]File, error) {
	entries, err := fs.ReadDir(support.Files, ".")
	if err != nil {
		return nil, err
	}
	var files []File
	for _, e := range entries {
		name := e.Name()
		if name == support.EmbedFile || strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := fs.ReadFile(support.Files, name)
		if err != nil {
			return nil, err
		}
		data, err := renamePackage(src, pkgName)
		if err != nil {
			return nil, fmt.Errorf("support file %s: %w", name, err)
		}
		files = append(files, File{Name: "graphgen_" + name, Data: data})
	}
	return files, nil
}

// renamePackage replaces the "package support" clause and adds the header.
func renamePackage(src []byte, pkgName string) ([]byte, error) {
	const clause = "package support\n"
	i := bytes.Index(src, []byte(clause))
	if i < 0 || (i > 0 && src[i-1] != '\n') {
		return nil, fmt.Errorf("no %q line", strings.TrimSpace(clause))
	}
	var out bytes.Buffer
	out.WriteString("// " + Header + "\n\n")
	out.Write(src[:i])
	out.WriteString("package " + pkgName + "\n")
	out.Write(src[i+len(clause):])
	return out.Bytes(), nil
}

// LayoutTest is a test file for a generated package that checks every
// struct table against the Go type it describes (see
// internal/support/support_layout_test.go). Tests add it to the packages
// they build; graphgen does not write it.
func LayoutTest(pkgName string) (File, error) {
	src, err := fs.ReadFile(support.Files, "support_layout_test.go")
	if err != nil {
		return File{}, err
	}
	data, err := renamePackage(src, pkgName)
	return File{Name: "graphgen_layout_test.go", Data: data}, err
}
