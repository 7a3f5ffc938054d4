package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// markdownLink matches [text](target) in Markdown; code (fenced blocks,
// spans) is removed first, since Go's index expressions look alike.
var (
	markdownLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	markdownCode = regexp.MustCompile("(?s)```.*?```|`[^`\n]*`")
)

// TestDocsLinksResolve checks the user's README and the contributors'
// docs/: every relative link names a file of the repository, and the
// README stays a guide for users (about 200 lines, the design in docs/).
func TestDocsLinksResolve(t *testing.T) {
	files, err := filepath.Glob("../../docs/*.md")
	require.NoError(t, err)
	require.NotEmpty(t, files, "docs/ holds the design notes")
	files = append(files, "../../README.md", "../../bench/README.md")
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		text := markdownCode.ReplaceAllString(string(data), "")
		for _, m := range markdownLink.FindAllStringSubmatch(text, -1) {
			target, _, _ := strings.Cut(m[1], "#")
			if target == "" || strings.Contains(target, "://") {
				continue
			}
			_, err := os.Stat(filepath.Join(filepath.Dir(file), target))
			assert.NoError(t, err, "%s links to %s", file, m[1])
		}
	}
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	assert.LessOrEqual(t, strings.Count(string(readme), "\n"), 215, "the README is a user's guide; design notes go to docs/")
	for _, section := range []string{"## Design decisions", "## Hostile input", "## Names"} {
		assert.NotContains(t, string(readme), "\n"+section+"\n", "%s lives in docs/", section)
	}
}
