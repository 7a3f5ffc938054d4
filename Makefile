# The README's two commands are the source of truth; these are shortcuts.
.PHONY: generate test update check fuzz ci bench examples

generate: ## regenerate generated/ from schemas/
	go run ./cmd/graphgen

test: ## run every test
	go test ./...

update: ## rewrite generated/ and every golden file
	go run ./cmd/graphgen
	go test ./... -update

check: ## what CI runs: vet, tests, drift check
	bash .ci/run

fuzz: ## run every fuzz target for a while (FUZZTIME=10m)
	go test ./internal/schema -run XXX -fuzz '^FuzzLoad$$' -fuzztime $${FUZZTIME:-1m}
	go test ./internal/schema -run XXX -fuzz '^FuzzOutline$$' -fuzztime $${FUZZTIME:-1m}
	go test ./internal/schema -run XXX -fuzz '^FuzzCSDL$$' -fuzztime $${FUZZTIME:-1m}
	go test ./internal/emit -run XXX -fuzz '^FuzzSchemaText$$' -fuzztime $${FUZZTIME:-1m}
	go test ./internal/behaviour -run XXX -fuzz '^FuzzUnmarshalDirectoryObject$$' -fuzztime $${FUZZTIME:-1m}
	go test ./internal/behaviour -run XXX -fuzz '^FuzzDecodeCollectionPage$$' -fuzztime $${FUZZTIME:-1m}
	for f in $$(go test ./internal/support -list 'Fuzz.*' | grep ^Fuzz); do \
		go test ./internal/support -run XXX -fuzz "^$$f$$" -fuzztime $${FUZZTIME:-1m} || exit 1; done

examples: ## generate examples/graph and test the example programs against replayed payloads
	go run ./cmd/graphgen generate -config examples/graphgen.yaml
	cd examples && go test ./...

ci: check

bench: ## benchmarks against kiota and the JSON libraries (trimmed and full-width structs), build costs, ratio table (bench/README.md; about 5 minutes, ~5 GB)
	bash bench/run.sh
