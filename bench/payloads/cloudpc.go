package payloads

import (
	"bytes"
	"fmt"
)

type cloudPCPolicy struct{ id, name string }

var (
	cloudPCImages = []string{
		"Windows-10 19h1-evd", "Windows-11 22h2-ent-cpc-m365", "Windows-11 23h2-ent-cpc-os",
		"Windows-10 21h2-ent-cpc-m365", "Contoso golden image 2024-03",
	}
	cloudPCConnections = []string{
		"Azure network connection for demo", "Seattle HQ vnet", "Microsoft hosted network",
		"Contoso EU west", "Contoso APAC",
	}
	cloudPCPolicies = []cloudPCPolicy{
		{"13fa0778-ba00-438a-96d3-488c8602ffff", "Marketing provision policy"},
		{"4b7e2ea1-2d2c-4ec3-9f4c-1a2b3c4d5e6f", "Engineering provision policy"},
		{"9c4e1a6d-7b2f-4c8e-a5d3-0f1e2d3c4b5a", "Frontline shared policy"},
	}
	cloudPCPlans = []cloudPCPolicy{
		{"da5615b7-2b65-4eb7-8a48-7be4e3e6ffff", "standard"},
		{"64981bdb-a5a6-4a22-869f-a9455366d5bc", "Cloud PC Enterprise 2vCPU/8GB/128GB"},
		{"9ecf691d-8b82-46cb-b254-cd061b2c02fb", "Cloud PC Enterprise 4vCPU/16GB/256GB"},
	}
	cloudPCStatuses = []string{
		"provisioned", "provisioned", "provisioned", "provisioned", "inGracePeriod",
		"provisioning", "failed", "deprovisioning",
	}
	firstNames = []string{
		"Adele", "Alex", "Diego", "Grady", "Henrietta", "Isaiah", "Johanna", "Joni", "Lee",
		"Lidia", "Lynne", "Megan", "Miriam", "Nestor", "Patti", "Pradeep",
	}
	lastNames = []string{
		"Vance", "Wilber", "Siciliani", "Archie", "Mueller", "Langer", "Lauer", "Sherman",
		"Gu", "Holloway", "Robbins", "Bowen", "Graham", "Wilke", "Fernandez", "Gupta",
	}
)

// cloudPC writes item i of the cloudPCs page: the docs example's members in
// the docs example's order.
func (g *gen) cloudPC(b *bytes.Buffer, i int) {
	first, last := pick(g, firstNames), pick(g, lastNames)
	policy := pick(g, cloudPCPolicies)
	plan := pick(g, cloudPCPlans)
	status := pick(g, cloudPCStatuses)

	b.WriteString(`{"@odata.type":"#microsoft.graph.cloudPC"`)
	strOrNull(b, "aadDeviceId", g.uuid(), status == "provisioning" || g.chance(0.03))
	str(b, "id", g.uuid())
	str(b, "displayName", fmt.Sprintf("CPC-%s-%04d", first, i))
	str(b, "imageDisplayName", pick(g, cloudPCImages))
	strOrNull(b, "managedDeviceId", g.uuid(), status == "provisioning")
	strOrNull(b, "managedDeviceName", fmt.Sprintf("A%05dGI%03d", g.r.IntN(100_000), g.r.IntN(1000)), status == "provisioning")
	str(b, "onPremisesConnectionName", pick(g, cloudPCConnections))
	str(b, "provisioningPolicyId", policy.id)
	str(b, "provisioningPolicyName", policy.name)
	str(b, "servicePlanId", plan.id)
	str(b, "servicePlanName", plan.name)
	str(b, "status", status)
	str(b, "userPrincipalName", fmt.Sprintf("%s.%s%d@contoso.com", first, last, i))
	str(b, "lastModifiedDateTime", g.dateTime())
	b.WriteString(`,"statusDetails":null`)
	strOrNull(b, "gracePeriodEndDateTime", g.dateTime(), status != "inGracePeriod" && g.chance(0.5))
	switch n := g.r.IntN(20); {
	case n == 0:
		b.WriteString(`,"provisioningType":null`)
	case n < 5:
		b.WriteString(`,"provisioningType":"shared"`)
	default:
		b.WriteString(`,"provisioningType":"dedicated"`)
	}
	b.WriteByte('}')
}
