package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/microsoftgraph/msgraph-sdk-go/models"

	"github.com/graphgen/graphgen/bench/graph"
	"github.com/graphgen/graphgen/bench/payloads"
	"github.com/graphgen/graphgen/bench/plain"
)

// The tests below keep the benchmarks honest: every decoder must have read
// the whole page (same item count, the same values for a handful of fields
// per item, memberOf dispatched to the right types), compared with a
// reference read through encoding/json into generic values.

// pageView is what every decoder must agree on for a page.
type pageView struct {
	NextLink string
	CloudPCs []cloudPCView
	Users    []userView
}

type cloudPCView struct {
	ID, DisplayName, ProvisioningType string // "" when null
	LastModified, GracePeriodEnd      time.Time
}

type userView struct {
	ID, DisplayName, Mail, ExtensionAttribute1 string
	Created                                    time.Time
	AccountEnabled                             bool
	ProxyAddresses, SkuIDs                     []string
	MemberOf                                   []memberView
}

// memberView is one memberOf item. Type is the Go type the decoder chose,
// spelled as its @odata.type; encoding/json cannot choose one, so for it
// Type is read from ODataType.
type memberView struct {
	Type, ODataType, ID, DisplayName string
}

func TestDecodersAgree(t *testing.T) {
	for _, pl := range pages {
		t.Run(pl.name, func(t *testing.T) {
			want := referenceView(t, pl.data)
			if n := len(want.CloudPCs) + len(want.Users); n != pl.items {
				t.Fatalf("reference view has %d items", n)
			}
			g, k, p := decodeAll(t, pl)
			for _, got := range []struct {
				peer string
				view pageView
			}{
				{"graphgen", graphgenView(t, g)},
				{"kiota", kiotaView(t, k)},
				{"encodingjson", plainView(t, p)},
			} {
				if d := diffViews(want, got.view); d != "" {
					t.Errorf("%s disagrees with the reference: %s", got.peer, d)
				}
			}
		})
	}
}

// diffViews names the first difference between two views, "" when equal.
func diffViews(want, got pageView) string {
	if want.NextLink != got.NextLink {
		return fmt.Sprintf("nextLink %q, want %q", got.NextLink, want.NextLink)
	}
	if len(got.CloudPCs) != len(want.CloudPCs) || len(got.Users) != len(want.Users) {
		return fmt.Sprintf("%d cloudPCs and %d users, want %d and %d", len(got.CloudPCs), len(got.Users), len(want.CloudPCs), len(want.Users))
	}
	for i := range want.CloudPCs {
		if !reflect.DeepEqual(want.CloudPCs[i], got.CloudPCs[i]) {
			return fmt.Sprintf("cloudPC %d: %+v, want %+v", i, got.CloudPCs[i], want.CloudPCs[i])
		}
	}
	for i := range want.Users {
		if !reflect.DeepEqual(want.Users[i], got.Users[i]) {
			return fmt.Sprintf("user %d: %+v, want %+v", i, got.Users[i], want.Users[i])
		}
	}
	return ""
}

func parseTime(t *testing.T, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return v.UTC()
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// referenceView reads data through encoding/json into generic values.
func referenceView(t *testing.T, data []byte) pageView {
	var page struct {
		NextLink string           `json:"@odata.nextLink"`
		Value    []map[string]any `json:"value"`
	}
	if err := json.Unmarshal(data, &page); err != nil {
		t.Fatal(err)
	}
	s := func(m map[string]any, k string) string { v, _ := m[k].(string); return v }
	strs := func(v any) []string {
		var out []string
		for _, x := range v.([]any) {
			out = append(out, x.(string))
		}
		return out
	}
	v := pageView{NextLink: page.NextLink}
	for _, item := range page.Value {
		if s(item, "@odata.type") == "#microsoft.graph.cloudPC" {
			v.CloudPCs = append(v.CloudPCs, cloudPCView{
				ID: s(item, "id"), DisplayName: s(item, "displayName"), ProvisioningType: s(item, "provisioningType"),
				LastModified:   parseTime(t, s(item, "lastModifiedDateTime")),
				GracePeriodEnd: parseTime(t, s(item, "gracePeriodEndDateTime")),
			})
			continue
		}
		u := userView{
			ID: s(item, "id"), DisplayName: s(item, "displayName"), Mail: s(item, "mail"),
			Created:        parseTime(t, s(item, "createdDateTime")),
			AccountEnabled: item["accountEnabled"].(bool),
			ProxyAddresses: strs(item["proxyAddresses"]),
		}
		for _, l := range item["assignedLicenses"].([]any) {
			u.SkuIDs = append(u.SkuIDs, s(l.(map[string]any), "skuId"))
		}
		if ext, ok := item["onPremisesExtensionAttributes"].(map[string]any); ok {
			u.ExtensionAttribute1 = s(ext, "extensionAttribute1")
		}
		for _, m := range item["memberOf"].([]any) {
			m := m.(map[string]any)
			u.MemberOf = append(u.MemberOf, memberView{s(m, "@odata.type"), s(m, "@odata.type"), s(m, "id"), s(m, "displayName")})
		}
		v.Users = append(v.Users, u)
	}
	return v
}

func graphgenView(t *testing.T, m model) pageView {
	switch p := m.(type) {
	case *graph.CloudPCCollectionResponse:
		v := pageView{NextLink: p.NextLink()}
		for _, pc := range p.Items() {
			lm, _ := lookup(pc.LastModifiedDateTime)
			gp, _ := lookup(pc.GracePeriodEndDateTime)
			v.CloudPCs = append(v.CloudPCs, cloudPCView{
				ID: val(pc.ID), DisplayName: val(pc.DisplayName), ProvisioningType: string(val(pc.ProvisioningType)),
				LastModified: parseTime(t, string(lm)), GracePeriodEnd: parseTime(t, string(gp)),
			})
		}
		return v
	case *graph.UserCollectionResponse:
		v := pageView{NextLink: p.NextLink()}
		for _, u := range p.Items() {
			uv := userView{
				ID: val(u.ID), DisplayName: val(u.DisplayName), Mail: val(u.Mail),
				Created:        parseTime(t, string(val(u.CreatedDateTime))),
				AccountEnabled: val(u.AccountEnabled),
				ProxyAddresses: val(u.ProxyAddresses),
			}
			for _, l := range val(u.AssignedLicenses) {
				uv.SkuIDs = append(uv.SkuIDs, string(val(l.SkuID)))
			}
			if ext := val(u.OnPremisesExtensionAttributes); ext != nil {
				uv.ExtensionAttribute1 = val(ext.ExtensionAttribute1)
			}
			for _, m := range val(u.MemberOf) {
				mv := memberView{ODataType: val(m.ODataType), ID: val(m.ID)}
				switch m := graph.Concrete(m).(type) {
				case *graph.Group:
					mv.Type, mv.DisplayName = "#microsoft.graph.group", val(m.DisplayName)
				case *graph.DirectoryRole:
					mv.Type, mv.DisplayName = "#microsoft.graph.directoryRole", val(m.DisplayName)
				case *graph.AdministrativeUnit:
					mv.Type, mv.DisplayName = "#microsoft.graph.administrativeUnit", val(m.DisplayName)
				default:
					mv.Type = fmt.Sprintf("%T", m)
				}
				uv.MemberOf = append(uv.MemberOf, mv)
			}
			v.Users = append(v.Users, uv)
		}
		return v
	}
	t.Fatalf("graphgen: unexpected %T", m)
	return pageView{}
}

func kiotaView(t *testing.T, k any) pageView {
	kt := func(p *time.Time) time.Time {
		if p == nil {
			return time.Time{}
		}
		return p.UTC()
	}
	switch p := k.(type) {
	case *models.CloudPCCollectionResponse:
		v := pageView{NextLink: deref(p.GetOdataNextLink())}
		for _, pc := range p.GetValue() {
			var pt string
			if e := pc.GetProvisioningType(); e != nil {
				pt = e.String()
			}
			v.CloudPCs = append(v.CloudPCs, cloudPCView{
				ID: deref(pc.GetId()), DisplayName: deref(pc.GetDisplayName()), ProvisioningType: pt,
				LastModified: kt(pc.GetLastModifiedDateTime()), GracePeriodEnd: kt(pc.GetGracePeriodEndDateTime()),
			})
		}
		return v
	case *models.UserCollectionResponse:
		v := pageView{NextLink: deref(p.GetOdataNextLink())}
		for _, u := range p.GetValue() {
			uv := userView{
				ID: deref(u.GetId()), DisplayName: deref(u.GetDisplayName()), Mail: deref(u.GetMail()),
				Created:        kt(u.GetCreatedDateTime()),
				AccountEnabled: deref(u.GetAccountEnabled()),
				ProxyAddresses: u.GetProxyAddresses(),
			}
			for _, l := range u.GetAssignedLicenses() {
				if id := l.GetSkuId(); id != nil {
					uv.SkuIDs = append(uv.SkuIDs, id.String())
				}
			}
			if ext := u.GetOnPremisesExtensionAttributes(); ext != nil {
				uv.ExtensionAttribute1 = deref(ext.GetExtensionAttribute1())
			}
			for _, m := range u.GetMemberOf() {
				mv := memberView{ODataType: deref(m.GetOdataType()), ID: deref(m.GetId())}
				switch m := m.(type) {
				case *models.Group:
					mv.Type, mv.DisplayName = "#microsoft.graph.group", deref(m.GetDisplayName())
				case *models.DirectoryRole:
					mv.Type, mv.DisplayName = "#microsoft.graph.directoryRole", deref(m.GetDisplayName())
				case *models.AdministrativeUnit:
					mv.Type, mv.DisplayName = "#microsoft.graph.administrativeUnit", deref(m.GetDisplayName())
				default:
					mv.Type = fmt.Sprintf("%T", m)
				}
				uv.MemberOf = append(uv.MemberOf, mv)
			}
			v.Users = append(v.Users, uv)
		}
		return v
	}
	t.Fatalf("kiota: unexpected %T", k)
	return pageView{}
}

func plainView(t *testing.T, p any) pageView {
	switch p := p.(type) {
	case *plain.CloudPCPage:
		v := pageView{NextLink: deref(p.ODataNextLink)}
		for _, pc := range p.Value {
			v.CloudPCs = append(v.CloudPCs, cloudPCView{
				ID: deref(pc.ID), DisplayName: deref(pc.DisplayName), ProvisioningType: deref(pc.ProvisioningType),
				LastModified:   parseTime(t, deref(pc.LastModifiedDateTime)),
				GracePeriodEnd: parseTime(t, deref(pc.GracePeriodEndDateTime)),
			})
		}
		return v
	case *plain.UserPage:
		v := pageView{NextLink: deref(p.ODataNextLink)}
		for _, u := range p.Value {
			uv := userView{
				ID: deref(u.ID), DisplayName: deref(u.DisplayName), Mail: deref(u.Mail),
				Created:        parseTime(t, deref(u.CreatedDateTime)),
				AccountEnabled: deref(u.AccountEnabled),
				ProxyAddresses: u.ProxyAddresses,
			}
			for _, l := range u.AssignedLicenses {
				uv.SkuIDs = append(uv.SkuIDs, deref(l.SkuID))
			}
			if u.OnPremisesExtensionAttributes != nil {
				uv.ExtensionAttribute1 = deref(u.OnPremisesExtensionAttributes.ExtensionAttribute1)
			}
			for _, m := range u.MemberOf {
				uv.MemberOf = append(uv.MemberOf, memberView{deref(m.ODataType), deref(m.ODataType), deref(m.ID), deref(m.DisplayName)})
			}
			v.Users = append(v.Users, uv)
		}
		return v
	}
	t.Fatalf("encoding/json: unexpected %T", p)
	return pageView{}
}

// TestGraphgenRoundTrip: graphgen's encode of the decoded page is the input,
// as JSON values (member order aside; numbers and strings exactly).
func TestGraphgenRoundTrip(t *testing.T) {
	for _, pl := range pages {
		t.Run(pl.name, func(t *testing.T) {
			g, _, _ := decodeAll(t, pl)
			out, err := g.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if d := jsonDiff(t, pl.data, out); d != "" {
				t.Fatalf("round trip differs: %s", d)
			}
		})
	}
}

// TestPeersLose records what the two peers drop, so that the encode
// comparison is read knowing it: their output is smaller than the input.
// If a peer starts keeping everything, this fails and the README's notes
// on the comparison need updating.
func TestPeersLose(t *testing.T) {
	for _, pl := range pages {
		t.Run(pl.name, func(t *testing.T) {
			_, k, p := decodeAll(t, pl)
			ko, err := kiotaEncode(k)
			if err != nil {
				t.Fatal(err)
			}
			po, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			if jsonDiff(t, pl.data, po) == "" {
				t.Error("encoding/json round trip kept everything")
			}
			if jsonDiff(t, pl.data, ko) == "" {
				t.Error("kiota round trip kept everything")
			}
			t.Logf("bytes: input %d, kiota %d, encoding/json %d", len(pl.data), len(ko), len(po))
		})
	}
}

// TestValidate: the pages are valid, and Validate does look at every item.
func TestValidate(t *testing.T) {
	for _, pl := range pages {
		t.Run(pl.name, func(t *testing.T) {
			g, _, _ := decodeAll(t, pl)
			if err := g.Validate(); err != nil {
				t.Fatal(err)
			}
			// Break a date-time in the last item: Validate must find it.
			i := bytes.LastIndex(pl.data, []byte(`DateTime":"`))
			bad := bytes.Clone(pl.data)
			copy(bad[i+len(`DateTime":"`):], "20X")
			g, err := pl.graphgen(bad)
			if err != nil {
				t.Fatal(err)
			}
			var verrs graph.ValidationErrors
			if err := g.Validate(); !errors.As(err, &verrs) || len(verrs) != 1 || !strings.HasPrefix(verrs[0].Path, "/value/") {
				t.Fatalf("Validate on a broken date-time: %v", err)
			}
		})
	}
}

func TestPayloads(t *testing.T) {
	for _, c := range []struct {
		name     string
		make     func() []byte
		min, max int
		items    int
	}{
		{"cloudPCs", payloads.CloudPCPage, 700_000, 900_000, payloads.CloudPCItems},
		{"users", payloads.UserPage, 80_000, 130_000, payloads.UserItems},
	} {
		a, b := c.make(), c.make()
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two calls differ", c.name)
		}
		if len(a) < c.min || len(a) > c.max {
			t.Errorf("%s: %d bytes, want %d–%d", c.name, len(a), c.min, c.max)
		}
		var page struct {
			Value []json.RawMessage `json:"value"`
		}
		if err := json.Unmarshal(a, &page); err != nil || len(page.Value) != c.items {
			t.Errorf("%s: %d items (%v), want %d", c.name, len(page.Value), err, c.items)
		}
	}
	// The users page exercises every memberOf type.
	types := map[string]int{}
	for _, u := range referenceView(t, payloads.UserPage()).Users {
		for _, m := range u.MemberOf {
			types[m.Type]++
		}
	}
	for _, typ := range []string{"#microsoft.graph.group", "#microsoft.graph.directoryRole", "#microsoft.graph.administrativeUnit"} {
		if types[typ] < 10 {
			t.Errorf("users page: %d memberOf items of type %s", types[typ], typ)
		}
	}
}

// jsonDiff compares two JSON texts as values (numbers as their text) and
// names the first difference, "" when equal.
func jsonDiff(t *testing.T, a, b []byte) string {
	t.Helper()
	decode := func(data []byte) any {
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		var v any
		if err := d.Decode(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	return valueDiff("", decode(a), decode(b))
}

func valueDiff(path string, a, b any) string {
	switch a := a.(type) {
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: object vs %T", path, b)
		}
		for _, k := range slices.Sorted(maps.Keys(a)) {
			bv, ok := bm[k]
			if !ok {
				return fmt.Sprintf("%s/%s: missing", path, k)
			}
			if d := valueDiff(path+"/"+k, a[k], bv); d != "" {
				return d
			}
		}
		for _, k := range slices.Sorted(maps.Keys(bm)) {
			if _, ok := a[k]; !ok {
				return fmt.Sprintf("%s/%s: unexpected", path, k)
			}
		}
		return ""
	case []any:
		bs, ok := b.([]any)
		if !ok || len(bs) != len(a) {
			return fmt.Sprintf("%s: array of %d vs %v", path, len(a), b)
		}
		for i := range a {
			if d := valueDiff(fmt.Sprintf("%s/%d", path, i), a[i], bs[i]); d != "" {
				return d
			}
		}
		return ""
	default:
		if a != b {
			return fmt.Sprintf("%s: %v vs %v", path, a, b)
		}
		return ""
	}
}
