package payloads

import (
	"bytes"
	"fmt"
	"strings"
)

// directoryObject is one memberOf target, written the same way wherever it
// appears (as Graph does: the same group is expanded under every member).
type directoryObject struct {
	json string
}

var (
	jobTitles = []string{
		"Retail Manager", "Product Marketing Manager", "Marketing Assistant", "Developer",
		"IT Admin", "Sales Representative", "CVP Finance", "Attorney", "Designer",
	}
	offices = []string{"18/2111", "20/1101", "131/1104", "12/1110", "19/3123", "24/1106"}
	langs   = []string{"en-US", "en-US", "en-US", "en-GB", "de-DE", "fr-FR", "ja-JP"}
	skus    = []string{
		"c7df2760-2c81-4ef7-b578-5b5392b571df", // ENTERPRISEPREMIUM
		"6fd2c87f-b296-42f0-b197-1e91e994b900", // ENTERPRISEPACK
		"f30db892-07e9-47e9-837c-80727f46fd3d", // FLOW_FREE
		"4b585984-651b-448a-9e53-3b10f069cf7f", // DEVELOPERPACK
	}
	groupNames = []string{
		"Sales and Marketing", "Retail", "U.S. Sales", "Mark 8 Project Team", "Digital Initiative Public Relations",
		"Leadership", "Engineering", "All Company", "Library Assist", "Operations group",
		"All_Contoso_Licensing", "AAD Contoso Users",
	}
	roles = [][3]string{ // displayName, description, roleTemplateId
		{"Reports Reader", "Can read sign-in and audit reports.", "4a5d8f65-41da-4de4-8968-e035b65339cf"},
		{"User Administrator", "Can manage all aspects of users and groups, including resetting passwords for limited admins.", "fe930be7-5e62-47db-91af-98c3a49a38b1"},
		{"Global Reader", "Can read everything that a Global Administrator can, but not update anything.", "f2ef992c-3afb-46b9-b7cf-a126ee74c451"},
		{"Helpdesk Administrator", "Can reset passwords for non-administrators and Helpdesk Administrators.", "729827e3-9c14-49f7-bb1b-9608f156bbb8"},
	}
	adminUnits = [][2]string{ // displayName, description
		{"Seattle District Technical Schools", "Seattle district technical schools administration"},
		{"Contoso EMEA", "Users and devices of the EMEA subsidiaries"},
		{"Contoso Retail Stores", "Store staff"},
	}
)

// directory is the pool of groups, roles and administrative units that
// users are members of.
func (g *gen) directory() (groups, others []directoryObject) {
	for _, name := range groupNames {
		nick := strings.NewReplacer(" ", "", ".", "", "_", "").Replace(name)
		unified := g.chance(0.6)
		var b bytes.Buffer
		b.WriteString(`{"@odata.type":"#microsoft.graph.group"`)
		str(&b, "id", g.uuid())
		b.WriteString(`,"deletedDateTime":null`)
		str(&b, "createdDateTime", g.dateTime())
		b.WriteString(`,"creationOptions":[]`) // returned by Graph, not in the v1.0 schema
		str(&b, "description", name+" group")
		str(&b, "displayName", name)
		if unified {
			b.WriteString(`,"groupTypes":["Unified"]`)
		} else {
			b.WriteString(`,"groupTypes":[]`)
		}
		b.WriteString(`,"isAssignableToRole":null`)
		strOrNull(&b, "mail", nick+"@contoso.com", !unified && g.chance(0.5))
		boolean(&b, "mailEnabled", unified)
		str(&b, "mailNickname", nick)
		boolean(&b, "securityEnabled", !unified)
		strOrNull(&b, "visibility", pick(g, []string{"Public", "Private"}), !unified)
		b.WriteByte('}')
		groups = append(groups, directoryObject{b.String()})
	}
	for _, r := range roles {
		var b bytes.Buffer
		b.WriteString(`{"@odata.type":"#microsoft.graph.directoryRole"`)
		str(&b, "id", g.uuid())
		b.WriteString(`,"deletedDateTime":null`)
		str(&b, "description", r[1])
		str(&b, "displayName", r[0])
		str(&b, "roleTemplateId", r[2])
		b.WriteByte('}')
		others = append(others, directoryObject{b.String()})
	}
	for _, au := range adminUnits {
		var b bytes.Buffer
		b.WriteString(`{"@odata.type":"#microsoft.graph.administrativeUnit"`)
		str(&b, "id", g.uuid())
		b.WriteString(`,"deletedDateTime":null`)
		str(&b, "displayName", au[0])
		str(&b, "description", au[1])
		strOrNull(&b, "visibility", "HiddenMembership", g.chance(0.5))
		b.WriteByte('}')
		others = append(others, directoryObject{b.String()})
	}
	return groups, others
}

// user writes user i of the users page.
func (g *gen) user(b *bytes.Buffer, i int) {
	if i == 0 {
		g.groups, g.others = g.directory()
	}
	first, last := pick(g, firstNames), pick(g, lastNames)
	alias := fmt.Sprintf("%s%c%d", first, last[0], i)
	upn := alias + "@contoso.com"
	synced := g.chance(0.15)

	b.WriteString(`{"id":`)
	jsonString(b, g.uuid())
	phones := make([]string, g.r.IntN(2))
	for j := range phones {
		phones[j] = fmt.Sprintf("+1 425 555 %04d", g.r.IntN(10_000))
	}
	strList(b, "businessPhones", phones)
	str(b, "displayName", first+" "+last)
	str(b, "givenName", first)
	strOrNull(b, "jobTitle", pick(g, jobTitles), g.chance(0.2))
	strOrNull(b, "mail", upn, g.chance(0.1))
	strOrNull(b, "mobilePhone", fmt.Sprintf("+1 425 555 %04d", g.r.IntN(10_000)), g.chance(0.5))
	strOrNull(b, "officeLocation", pick(g, offices), g.chance(0.3))
	strOrNull(b, "preferredLanguage", pick(g, langs), g.chance(0.2))
	str(b, "surname", last)
	str(b, "userPrincipalName", upn)
	boolean(b, "accountEnabled", !g.chance(0.1))
	str(b, "createdDateTime", g.dateTime())
	proxies := []string{"SMTP:" + upn}
	if g.chance(0.6) {
		proxies = append(proxies, "smtp:"+strings.ToLower(alias)+"@contoso.onmicrosoft.com")
	}
	strList(b, "proxyAddresses", proxies)

	member(b, false, "assignedLicenses")
	b.WriteByte('[')
	for j := range g.r.IntN(3) {
		if j > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"disabledPlans":[`)
		if g.chance(0.3) {
			jsonString(b, g.uuid())
		}
		b.WriteString(`],"skuId":`)
		jsonString(b, skus[(i+j)%len(skus)])
		b.WriteByte('}')
	}
	b.WriteByte(']')

	if synced {
		b.WriteString(`,"onPremisesSyncEnabled":true`)
		str(b, "onPremisesLastSyncDateTime", g.dateTime())
		b.WriteString(`,"onPremisesExtensionAttributes":{`)
		for n := 1; n <= 15; n++ {
			member(b, n == 1, fmt.Sprintf("extensionAttribute%d", n))
			switch {
			case n == 1:
				jsonString(b, pick(g, []string{"Seattle", "Redmond", "Munich", "Tokyo"}))
			case n == 2 && g.chance(0.5):
				jsonString(b, fmt.Sprintf("CC-%04d", g.r.IntN(10_000)))
			default:
				b.WriteString("null")
			}
		}
		b.WriteByte('}')
	} else {
		b.WriteString(`,"onPremisesSyncEnabled":null`)
	}
	if g.chance(0.15) {
		fmt.Fprintf(b, `,"passwordProfile":{"forceChangePasswordNextSignIn":%t,"forceChangePasswordNextSignInWithMfa":false,"password":null}`, g.chance(0.5))
	} else {
		b.WriteString(`,"passwordProfile":null`)
	}

	member(b, false, "memberOf")
	b.WriteByte('[')
	n := []int{1, 2, 0, 1, 2, 1, 1, 2, 1, 0, 2, 1, 1, 2, 1, 1, 0, 2, 1, 1}[i%20] // 23 items per 20 users
	seen := map[int]bool{}
	for j := 0; j < n; j++ {
		if j > 0 {
			b.WriteByte(',')
		}
		if g.chance(0.6) {
			k := g.r.IntN(len(g.groups))
			for seen[k] {
				k = (k + 1) % len(g.groups)
			}
			seen[k] = true
			b.WriteString(g.groups[k].json)
		} else {
			k := g.r.IntN(len(g.others))
			for seen[100+k] {
				k = (k + 1) % len(g.others)
			}
			seen[100+k] = true
			b.WriteString(g.others[k].json)
		}
	}
	b.WriteString(`]}`)
}
