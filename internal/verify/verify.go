// Package verify builds and runs the `graphgen verify` harness: a temporary
// module holding a generated package, the verifykit library and a main
// package, compiled with the go command.
package verify

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/graphgen/graphgen/internal/emit"
	"github.com/graphgen/graphgen/internal/verifykit"
)

// WriteModule writes the harness module into dir: go.mod, graph/ (files, a
// package named graph), verifykit/ and main.go.
func WriteModule(dir string, files []emit.File) error {
	write := func(name string, data []byte) error {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		return os.WriteFile(path, data, 0o644)
	}
	err := write("go.mod", []byte("module graphgenverify\n\ngo 1.25\n"))
	for _, f := range files {
		err = errors.Join(err, write("graph/"+f.Name, f.Data))
	}
	kit, kerr := fs.ReadDir(verifykit.Files, ".")
	err = errors.Join(err, kerr)
	for _, e := range kit {
		if e.Name() == verifykit.EmbedFile || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		data, rerr := fs.ReadFile(verifykit.Files, e.Name())
		err = errors.Join(err, rerr, write("verifykit/"+e.Name(), data))
	}
	return errors.Join(err, write("main.go", []byte(verifykit.HarnessMain)))
}

// GoCommand runs the go command in the harness module, isolated from any
// go.work around it.
func GoCommand(ctx context.Context, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	return cmd
}

// Run compiles the harness in dir and runs it on the payloads file; the
// result is the harness's exit code (0 all decoded and round-tripped, 1 some
// did not, 2 it could not run). Compiler output goes to stderr.
func Run(ctx context.Context, dir, payloads string, stdout, stderr io.Writer) (int, error) {
	abs, err := filepath.Abs(payloads)
	if err != nil {
		return 2, err
	}
	build := GoCommand(ctx, dir, "build", "-o", "harness", ".")
	build.Stdout, build.Stderr = stderr, stderr
	if err := build.Run(); err != nil {
		return 2, fmt.Errorf("compiling the harness: %w", err)
	}
	cmd := exec.CommandContext(ctx, filepath.Join(dir, "harness"), abs)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), nil
	}
	if err != nil {
		return 2, fmt.Errorf("running the harness: %w", err)
	}
	return 0, nil
}
