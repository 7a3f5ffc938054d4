module github.com/graphgen/graphgen/examples

go 1.25
