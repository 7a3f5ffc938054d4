// Package plain holds the structs of the benchmarks' plain-struct peers
// (encoding/json, sonic, goccy/go-json, segmentio/encoding, json-iterator
// and encoding/json/v2 all decode into and encode from these):
// hand-written equivalents of what oapi-codegen generates from Graph's
// OpenAPI document, a struct per schema with a pointer field and a
// `json:"name,omitempty"` tag per property, limited to the properties the
// benchmark payloads carry.
//
// What these lose compared with graphgen's generated types:
//
//   - null and absent are the same: both decode to a nil pointer, and
//     omitempty writes neither, so an explicit "statusDetails": null or
//     "passwordProfile": null is gone after a round trip (graphgen's Opt[T]
//     keeps all three states, and a PATCH body can send null on purpose);
//     omitempty drops empty lists too ("appRoles": [] is gone).
//   - unknown members are dropped: the cloudPC "status" and "statusDetails"
//     (not in the v1.0 schema), a group's "creationOptions", a
//     servicePrincipal's "createdDateTime", the page's
//     "@microsoft.graph.tips" annotation and a role definition's
//     "inheritsPermissionsFrom@odata.context" do not survive decode →
//     encode (graphgen keeps them in Extra, in order).
//   - no polymorphism: encoding/json cannot dispatch on "@odata.type", so a
//     memberOf item is one MemberOf struct holding the union of the
//     properties of group, directoryRole and administrativeUnit; which type
//     it is must be read from ODataType by hand, and a group-only field on a
//     role is not an error. (oapi-codegen would generate a oneOf wrapper
//     around json.RawMessage and decode each item twice.)
//   - no validation: date-times, UUIDs and enum values are plain strings,
//     nothing checks their format or membership.
//   - one allocation per present scalar (the pointer), which the benchmarks
//     measure.
package plain

// Page is a collection response: `{"@odata.context", "value", "@odata.nextLink"}`.
type Page[T any] struct {
	ODataContext  *string `json:"@odata.context,omitempty"`
	ODataNextLink *string `json:"@odata.nextLink,omitempty"`
	Value         []T     `json:"value,omitempty"`
}

// CloudPC is microsoft.graph.cloudPC (entity's id and @odata.type inlined).
type CloudPC struct {
	ODataType                *string `json:"@odata.type,omitempty"`
	ID                       *string `json:"id,omitempty"`
	AadDeviceID              *string `json:"aadDeviceId,omitempty"`
	DisplayName              *string `json:"displayName,omitempty"`
	GracePeriodEndDateTime   *string `json:"gracePeriodEndDateTime,omitempty"`
	ImageDisplayName         *string `json:"imageDisplayName,omitempty"`
	LastModifiedDateTime     *string `json:"lastModifiedDateTime,omitempty"`
	ManagedDeviceID          *string `json:"managedDeviceId,omitempty"`
	ManagedDeviceName        *string `json:"managedDeviceName,omitempty"`
	OnPremisesConnectionName *string `json:"onPremisesConnectionName,omitempty"`
	ProvisioningPolicyID     *string `json:"provisioningPolicyId,omitempty"`
	ProvisioningPolicyName   *string `json:"provisioningPolicyName,omitempty"`
	ProvisioningType         *string `json:"provisioningType,omitempty"`
	ServicePlanID            *string `json:"servicePlanId,omitempty"`
	ServicePlanName          *string `json:"servicePlanName,omitempty"`
	UserPrincipalName        *string `json:"userPrincipalName,omitempty"`
}

// CloudPCPage is microsoft.graph.cloudPCCollectionResponse.
type CloudPCPage = Page[CloudPC]

// User is microsoft.graph.user (entity's id inlined).
type User struct {
	ID                            *string                        `json:"id,omitempty"`
	AccountEnabled                *bool                          `json:"accountEnabled,omitempty"`
	AssignedLicenses              []AssignedLicense              `json:"assignedLicenses,omitempty"`
	BusinessPhones                []string                       `json:"businessPhones,omitempty"`
	CreatedDateTime               *string                        `json:"createdDateTime,omitempty"`
	DisplayName                   *string                        `json:"displayName,omitempty"`
	GivenName                     *string                        `json:"givenName,omitempty"`
	JobTitle                      *string                        `json:"jobTitle,omitempty"`
	Mail                          *string                        `json:"mail,omitempty"`
	MemberOf                      []MemberOf                     `json:"memberOf,omitempty"`
	MobilePhone                   *string                        `json:"mobilePhone,omitempty"`
	OfficeLocation                *string                        `json:"officeLocation,omitempty"`
	OnPremisesExtensionAttributes *OnPremisesExtensionAttributes `json:"onPremisesExtensionAttributes,omitempty"`
	OnPremisesLastSyncDateTime    *string                        `json:"onPremisesLastSyncDateTime,omitempty"`
	OnPremisesSyncEnabled         *bool                          `json:"onPremisesSyncEnabled,omitempty"`
	PasswordProfile               *PasswordProfile               `json:"passwordProfile,omitempty"`
	PreferredLanguage             *string                        `json:"preferredLanguage,omitempty"`
	ProxyAddresses                []string                       `json:"proxyAddresses,omitempty"`
	Surname                       *string                        `json:"surname,omitempty"`
	UserPrincipalName             *string                        `json:"userPrincipalName,omitempty"`
}

// UserPage is microsoft.graph.userCollectionResponse.
type UserPage = Page[User]

// AssignedLicense is microsoft.graph.assignedLicense.
type AssignedLicense struct {
	DisabledPlans []string `json:"disabledPlans,omitempty"`
	SkuID         *string  `json:"skuId,omitempty"`
}

// PasswordProfile is microsoft.graph.passwordProfile.
type PasswordProfile struct {
	ForceChangePasswordNextSignIn        *bool   `json:"forceChangePasswordNextSignIn,omitempty"`
	ForceChangePasswordNextSignInWithMfa *bool   `json:"forceChangePasswordNextSignInWithMfa,omitempty"`
	Password                             *string `json:"password,omitempty"`
}

// OnPremisesExtensionAttributes is microsoft.graph.onPremisesExtensionAttributes.
type OnPremisesExtensionAttributes struct {
	ExtensionAttribute1  *string `json:"extensionAttribute1,omitempty"`
	ExtensionAttribute2  *string `json:"extensionAttribute2,omitempty"`
	ExtensionAttribute3  *string `json:"extensionAttribute3,omitempty"`
	ExtensionAttribute4  *string `json:"extensionAttribute4,omitempty"`
	ExtensionAttribute5  *string `json:"extensionAttribute5,omitempty"`
	ExtensionAttribute6  *string `json:"extensionAttribute6,omitempty"`
	ExtensionAttribute7  *string `json:"extensionAttribute7,omitempty"`
	ExtensionAttribute8  *string `json:"extensionAttribute8,omitempty"`
	ExtensionAttribute9  *string `json:"extensionAttribute9,omitempty"`
	ExtensionAttribute10 *string `json:"extensionAttribute10,omitempty"`
	ExtensionAttribute11 *string `json:"extensionAttribute11,omitempty"`
	ExtensionAttribute12 *string `json:"extensionAttribute12,omitempty"`
	ExtensionAttribute13 *string `json:"extensionAttribute13,omitempty"`
	ExtensionAttribute14 *string `json:"extensionAttribute14,omitempty"`
	ExtensionAttribute15 *string `json:"extensionAttribute15,omitempty"`
}

// MemberOf is a memberOf item: the union of the properties the payload
// carries of microsoft.graph.group, microsoft.graph.directoryRole and
// microsoft.graph.administrativeUnit (all derived from directoryObject).
// ODataType tells which one it is.
type MemberOf struct {
	ODataType       *string `json:"@odata.type,omitempty"`
	ID              *string `json:"id,omitempty"`
	DeletedDateTime *string `json:"deletedDateTime,omitempty"`
	Description     *string `json:"description,omitempty"`
	DisplayName     *string `json:"displayName,omitempty"`
	// group and administrativeUnit
	Visibility *string `json:"visibility,omitempty"`
	// group
	CreatedDateTime    *string  `json:"createdDateTime,omitempty"`
	GroupTypes         []string `json:"groupTypes,omitempty"`
	IsAssignableToRole *bool    `json:"isAssignableToRole,omitempty"`
	Mail               *string  `json:"mail,omitempty"`
	MailEnabled        *bool    `json:"mailEnabled,omitempty"`
	MailNickname       *string  `json:"mailNickname,omitempty"`
	SecurityEnabled    *bool    `json:"securityEnabled,omitempty"`
	// directoryRole
	RoleTemplateID *string `json:"roleTemplateId,omitempty"`
}
