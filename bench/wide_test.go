package bench

import (
	"bytes"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/bench/wide"
)

// The tests below keep the wide benchmarks honest as equiv_test.go keeps
// the trimmed ones: every plain peer decodes the same values into package
// wide's structs, writes what reads back the same, and the structs keep all
// of the payload that a struct of their style can keep.

// TestWideDecodersAgree: each plain peer's decode into the wide structs
// agrees with the generic-JSON reference (ids, names, dates, enums, nested
// values, item counts).
func TestWideDecodersAgree(t *testing.T) {
	for _, pl := range pages {
		t.Run(pl.name, func(t *testing.T) {
			need(t, pl)
			want := referenceView(t, pl.name, pl.data)
			for _, peer := range plainPeers {
				w := pl.newWide()
				if err := peer.unmarshal(pl.data, w); err != nil {
					t.Fatalf("%s: %v", peer.name, err)
				}
				if d := diffViews(want, wideView(t, w)); d != "" {
					t.Errorf("%s disagrees with the reference: %s", peer.name, d)
				}
			}
		})
	}
}

// TestWideEncodersAgree: what each plain peer writes from the wide value
// reads back (through encoding/json) as the reference's view.
func TestWideEncodersAgree(t *testing.T) {
	for _, pl := range pages {
		t.Run(pl.name, func(t *testing.T) {
			need(t, pl) // before the reference reads the data
			want := referenceView(t, pl.name, pl.data)
			w := decodeWide(t, pl)
			for _, peer := range plainPeers {
				out, err := peer.marshal(w)
				if err != nil {
					t.Fatalf("%s: %v", peer.name, err)
				}
				back := pl.newWide()
				if err := json.Unmarshal(out, back); err != nil {
					t.Fatalf("%s wrote what encoding/json cannot read: %v", peer.name, err)
				}
				if d := diffViews(want, wideView(t, back)); d != "" {
					t.Errorf("%s's output disagrees with the reference: %s", peer.name, d)
				}
			}
		})
	}
}

// wideLoses lists, per payload, the members the v1.0 schema lacks, which
// the wide structs have no field for (array indexes written as *): those
// package plain's doc lists, and the pages' @odata.context, which Graph's
// collection responses do not declare. Nothing else of the payload may be
// lost but nulls and empty arrays.
var wideLoses = map[string][]string{
	"cloudPCs":          {"/@odata.context", "/value/*/status", "/value/*/statusDetails"},
	"users":             {"/@microsoft.graph.tips", "/@odata.context", "/value/*/memberOf/*/creationOptions"},
	"servicePrincipals": {"/@odata.context", "/value/*/createdDateTime"},
	"roleDefinitions":   {"/@odata.context", "/value/*/inheritsPermissionsFrom@odata.context"},
	"message":           nil, // it carries no member the schema lacks
}

// TestWideKeepsThePayload: encoding/json's round trip through the wide
// structs is the input less exactly what structs of their style lose: null
// members (a nil pointer, which omitempty does not write; a
// json.RawMessage keeps its null), empty arrays (omitempty), and the
// members the schema lacks, which are exactly wideLoses's. A null array
// item stays null in a []*T and becomes its zero value in a []T.
func TestWideKeepsThePayload(t *testing.T) {
	for _, pl := range pages {
		t.Run(pl.name, func(t *testing.T) {
			w := decodeWide(t, pl)
			out, err := json.Marshal(w)
			if err != nil {
				t.Fatal(err)
			}
			var lost []string
			want, _ := wideKeeps(t, "", decodeNumbers(t, pl.data), reflect.TypeOf(w).Elem(), &lost)
			wantJSON, err := json.Marshal(want)
			if err != nil {
				t.Fatal(err)
			}
			if d := jsonDiff(t, wantJSON, out); d != "" {
				t.Errorf("round trip through the wide structs lost more than nulls, empty arrays and unknown members: %s", d)
			}
			lost = slices.Compact(slices.Sorted(slices.Values(lost)))
			if !slices.Equal(lost, wideLoses[pl.name]) {
				t.Errorf("members the wide structs have no field for: %q, want %q", lost, wideLoses[pl.name])
			}
			t.Logf("bytes: input %d, through the wide structs %d", len(pl.data), len(out))
		})
	}
}

var rawMessageType = reflect.TypeFor[json.RawMessage]()

// wideKeeps is what of the JSON value v a round trip through a Go value of
// type t keeps, and false when nothing is written; it appends to lost the
// members of objects that t has no field for.
func wideKeeps(t *testing.T, path string, v any, typ reflect.Type, lost *[]string) (any, bool) {
	switch {
	case typ == rawMessageType:
		return v, true // verbatim, null included
	case v == nil:
		return nil, false // a nil pointer or slice, omitted
	case typ.Kind() == reflect.Pointer:
		return wideKeeps(t, path, v, typ.Elem(), lost)
	case typ.Kind() == reflect.Slice:
		return wideKeepsArray(t, path, v.([]any), typ.Elem(), lost)
	case typ.Kind() == reflect.Struct:
		return wideKeepsObject(t, path, v.(map[string]any), typ, lost), true
	}
	return v, true
}

// wideKeepsArray: an empty array is omitted; a null item is written as
// its type's zero value (null for a pointer, {} for a struct).
func wideKeepsArray(t *testing.T, path string, xs []any, elem reflect.Type, lost *[]string) (any, bool) {
	if len(xs) == 0 {
		return nil, false
	}
	out := make([]any, len(xs))
	for i, x := range xs {
		if x == nil {
			out[i] = zeroJSON(t, elem)
			continue
		}
		out[i], _ = wideKeeps(t, path+"/*", x, elem, lost)
	}
	return out, true
}

// wideKeepsObject keeps the members typ has a field for (by its JSON tag).
func wideKeepsObject(t *testing.T, path string, m map[string]any, typ reflect.Type, lost *[]string) map[string]any {
	fields := map[string]reflect.Type{}
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		fields[name] = f.Type
	}
	out := map[string]any{}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		ft, ok := fields[k]
		if !ok {
			*lost = append(*lost, path+"/"+k)
			continue
		}
		if v, ok := wideKeeps(t, path+"/"+k, m[k], ft, lost); ok {
			out[k] = v
		}
	}
	return out
}

// zeroJSON is the JSON encoding/json writes for the zero value of typ.
func zeroJSON(t *testing.T, typ reflect.Type) any {
	b, err := json.Marshal(reflect.Zero(typ).Interface())
	if err != nil {
		t.Fatal(err)
	}
	return decodeNumbers(t, b)
}

// decodeNumbers reads data as generic JSON values, numbers as their text.
func decodeNumbers(t *testing.T, data []byte) any {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// wideView is what a package wide value holds of the page, as plainView
// reads package plain's.
func wideView(t *testing.T, w any) pageView {
	switch p := w.(type) {
	case *wide.CloudPCCollectionResponse:
		return pageView{NextLink: deref(p.ODataNextLink), CloudPCs: wideCloudPCs(t, p.Value)}
	case *wide.UserCollectionResponse:
		return pageView{NextLink: deref(p.ODataNextLink), Users: wideUsers(t, p.Value)}
	case *wide.ServicePrincipalCollectionResponse:
		return pageView{NextLink: deref(p.ODataNextLink), ServicePrincipals: wideServicePrincipals(t, p.Value)}
	case *wide.UnifiedRoleDefinitionCollectionResponse:
		return pageView{NextLink: deref(p.ODataNextLink), RoleDefinitions: wideRoleDefinitions(p.Value)}
	case *wide.Message:
		return pageView{Messages: []messageView{wideMessage(t, p)}}
	}
	t.Fatalf("wide: unexpected %T", w)
	return pageView{}
}

func wideCloudPCs(t *testing.T, pcs []wide.CloudPC) []cloudPCView {
	var out []cloudPCView
	for _, pc := range pcs {
		out = append(out, cloudPCView{
			ID: deref(pc.ID), DisplayName: deref(pc.DisplayName), ProvisioningType: deref(pc.ProvisioningType),
			LastModified:   parseTime(t, deref(pc.LastModifiedDateTime)),
			GracePeriodEnd: parseTime(t, deref(pc.GracePeriodEndDateTime)),
		})
	}
	return out
}

// wideUsers reads memberOf as plainView does: the wide DirectoryObject
// holds the union of the three subtypes, and its ODataType tells which.
func wideUsers(t *testing.T, users []wide.User) []userView {
	var out []userView
	for _, u := range users {
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
		out = append(out, uv)
	}
	return out
}

func wideServicePrincipals(t *testing.T, sps []wide.ServicePrincipal) []servicePrincipalView {
	var out []servicePrincipalView
	for _, sp := range sps {
		spv := servicePrincipalView{
			ID: deref(sp.ID), AppID: deref(sp.AppID), DisplayName: deref(sp.DisplayName),
			AppOwnerOrganizationID: deref(sp.AppOwnerOrganizationID), SignInAudience: deref(sp.SignInAudience),
			AccountEnabled:        deref(sp.AccountEnabled),
			ServicePrincipalNames: list(sp.ServicePrincipalNames),
		}
		for _, r := range sp.AppRoles {
			spv.AppRoleValues = append(spv.AppRoleValues, deref(r.Value))
		}
		for _, r := range sp.Oauth2PermissionScopes {
			spv.ScopeIDs = append(spv.ScopeIDs, deref(r.ID))
		}
		for _, k := range sp.KeyCredentials {
			spv.KeyEnds = append(spv.KeyEnds, parseTime(t, deref(k.EndDateTime)))
		}
		out = append(out, spv)
	}
	return out
}

func wideRoleDefinitions(rds []wide.UnifiedRoleDefinition) []roleDefinitionView {
	var out []roleDefinitionView
	for _, rd := range rds {
		rdv := roleDefinitionView{
			ID: deref(rd.ID), DisplayName: deref(rd.DisplayName), TemplateID: deref(rd.TemplateID), Version: deref(rd.Version),
			IsBuiltIn: deref(rd.IsBuiltIn), IsEnabled: deref(rd.IsEnabled),
			ResourceScopes: list(rd.ResourceScopes),
		}
		for _, perm := range rd.RolePermissions {
			rdv.Actions = append(rdv.Actions, perm.AllowedResourceActions...)
			rdv.Conditions = append(rdv.Conditions, deref(perm.Condition))
		}
		for _, r := range rd.InheritsPermissionsFrom {
			rdv.Inherited = append(rdv.Inherited, deref(r.ID))
		}
		out = append(out, rdv)
	}
	return out
}

func wideMessage(t *testing.T, p *wide.Message) messageView {
	mv := messageView{
		ID: deref(p.ID), Subject: deref(p.Subject), ChangeKey: deref(p.ChangeKey),
		Importance: deref(p.Importance), Inference: deref(p.InferenceClassification),
		Created:  parseTime(t, deref(p.CreatedDateTime)),
		Received: parseTime(t, deref(p.ReceivedDateTime)),
		IsRead:   deref(p.IsRead),
	}
	if p.Body != nil {
		mv.BodyType, mv.Body = deref(p.Body.ContentType), deref(p.Body.Content)
	}
	if p.Flag != nil {
		mv.FlagStatus = deref(p.Flag.FlagStatus)
	}
	if p.From != nil && p.From.EmailAddress != nil {
		mv.From = deref(p.From.EmailAddress.Address)
	}
	for _, r := range p.ToRecipients {
		if r.EmailAddress != nil {
			mv.To = append(mv.To, deref(r.EmailAddress.Address))
		}
	}
	return mv
}
