package plain

// The structs of the recorded pages (package recorded): every property the
// v1.0 schema declares that the payloads carry, null-only ones included.
// Members the schema does not declare (a servicePrincipal's createdDateTime,
// the "inheritsPermissionsFrom@odata.context" annotation) have no field, as
// oapi-codegen would generate none.

// ServicePrincipal is microsoft.graph.servicePrincipal (directoryObject's
// id and deletedDateTime inlined).
type ServicePrincipal struct {
	ID                                     *string                      `json:"id,omitempty"`
	DeletedDateTime                        *string                      `json:"deletedDateTime,omitempty"`
	AccountEnabled                         *bool                        `json:"accountEnabled,omitempty"`
	AddIns                                 []AddIn                      `json:"addIns,omitempty"`
	AlternativeNames                       []string                     `json:"alternativeNames,omitempty"`
	AppDescription                         *string                      `json:"appDescription,omitempty"`
	AppDisplayName                         *string                      `json:"appDisplayName,omitempty"`
	AppID                                  *string                      `json:"appId,omitempty"`
	ApplicationTemplateID                  *string                      `json:"applicationTemplateId,omitempty"`
	AppOwnerOrganizationID                 *string                      `json:"appOwnerOrganizationId,omitempty"`
	AppRoleAssignmentRequired              *bool                        `json:"appRoleAssignmentRequired,omitempty"`
	AppRoles                               []AppRole                    `json:"appRoles,omitempty"`
	Description                            *string                      `json:"description,omitempty"`
	DisabledByMicrosoftStatus              *string                      `json:"disabledByMicrosoftStatus,omitempty"`
	DisplayName                            *string                      `json:"displayName,omitempty"`
	Homepage                               *string                      `json:"homepage,omitempty"`
	Info                                   *InformationalURL            `json:"info,omitempty"`
	KeyCredentials                         []KeyCredential              `json:"keyCredentials,omitempty"`
	LoginURL                               *string                      `json:"loginUrl,omitempty"`
	LogoutURL                              *string                      `json:"logoutUrl,omitempty"`
	Notes                                  *string                      `json:"notes,omitempty"`
	NotificationEmailAddresses             []string                     `json:"notificationEmailAddresses,omitempty"`
	OAuth2PermissionScopes                 []PermissionScope            `json:"oauth2PermissionScopes,omitempty"`
	PasswordCredentials                    []PasswordCredential         `json:"passwordCredentials,omitempty"`
	PreferredSingleSignOnMode              *string                      `json:"preferredSingleSignOnMode,omitempty"`
	PreferredTokenSigningKeyThumbprint     *string                      `json:"preferredTokenSigningKeyThumbprint,omitempty"`
	ReplyURLs                              []string                     `json:"replyUrls,omitempty"`
	ResourceSpecificApplicationPermissions []ResourceSpecificPermission `json:"resourceSpecificApplicationPermissions,omitempty"`
	SamlSingleSignOnSettings               *SamlSingleSignOnSettings    `json:"samlSingleSignOnSettings,omitempty"`
	ServicePrincipalNames                  []string                     `json:"servicePrincipalNames,omitempty"`
	ServicePrincipalType                   *string                      `json:"servicePrincipalType,omitempty"`
	SignInAudience                         *string                      `json:"signInAudience,omitempty"`
	Tags                                   []string                     `json:"tags,omitempty"`
	TokenEncryptionKeyID                   *string                      `json:"tokenEncryptionKeyId,omitempty"`
	VerifiedPublisher                      *VerifiedPublisher           `json:"verifiedPublisher,omitempty"`
}

// ServicePrincipalPage is microsoft.graph.servicePrincipalCollectionResponse.
type ServicePrincipalPage = Page[ServicePrincipal]

// AddIn is microsoft.graph.addIn (every addIns in the page is empty).
type AddIn struct {
	ID   *string `json:"id,omitempty"`
	Type *string `json:"type,omitempty"`
}

// AppRole is microsoft.graph.appRole.
type AppRole struct {
	AllowedMemberTypes []string `json:"allowedMemberTypes,omitempty"`
	Description        *string  `json:"description,omitempty"`
	DisplayName        *string  `json:"displayName,omitempty"`
	ID                 *string  `json:"id,omitempty"`
	IsEnabled          *bool    `json:"isEnabled,omitempty"`
	Origin             *string  `json:"origin,omitempty"`
	Value              *string  `json:"value,omitempty"`
}

// InformationalURL is microsoft.graph.informationalUrl.
type InformationalURL struct {
	LogoURL             *string `json:"logoUrl,omitempty"`
	MarketingURL        *string `json:"marketingUrl,omitempty"`
	PrivacyStatementURL *string `json:"privacyStatementUrl,omitempty"`
	SupportURL          *string `json:"supportUrl,omitempty"`
	TermsOfServiceURL   *string `json:"termsOfServiceUrl,omitempty"`
}

// KeyCredential is microsoft.graph.keyCredential. The base64url members
// (customKeyIdentifier, key) stay text.
type KeyCredential struct {
	CustomKeyIdentifier *string `json:"customKeyIdentifier,omitempty"`
	DisplayName         *string `json:"displayName,omitempty"`
	EndDateTime         *string `json:"endDateTime,omitempty"`
	Key                 *string `json:"key,omitempty"`
	KeyID               *string `json:"keyId,omitempty"`
	StartDateTime       *string `json:"startDateTime,omitempty"`
	Type                *string `json:"type,omitempty"`
	Usage               *string `json:"usage,omitempty"`
}

// PasswordCredential is microsoft.graph.passwordCredential.
type PasswordCredential struct {
	CustomKeyIdentifier *string `json:"customKeyIdentifier,omitempty"`
	DisplayName         *string `json:"displayName,omitempty"`
	EndDateTime         *string `json:"endDateTime,omitempty"`
	Hint                *string `json:"hint,omitempty"`
	KeyID               *string `json:"keyId,omitempty"`
	SecretText          *string `json:"secretText,omitempty"`
	StartDateTime       *string `json:"startDateTime,omitempty"`
}

// PermissionScope is microsoft.graph.permissionScope.
type PermissionScope struct {
	AdminConsentDescription *string `json:"adminConsentDescription,omitempty"`
	AdminConsentDisplayName *string `json:"adminConsentDisplayName,omitempty"`
	ID                      *string `json:"id,omitempty"`
	IsEnabled               *bool   `json:"isEnabled,omitempty"`
	Origin                  *string `json:"origin,omitempty"`
	Type                    *string `json:"type,omitempty"`
	UserConsentDescription  *string `json:"userConsentDescription,omitempty"`
	UserConsentDisplayName  *string `json:"userConsentDisplayName,omitempty"`
	Value                   *string `json:"value,omitempty"`
}

// ResourceSpecificPermission is microsoft.graph.resourceSpecificPermission.
type ResourceSpecificPermission struct {
	Description *string `json:"description,omitempty"`
	DisplayName *string `json:"displayName,omitempty"`
	ID          *string `json:"id,omitempty"`
	IsEnabled   *bool   `json:"isEnabled,omitempty"`
	Value       *string `json:"value,omitempty"`
}

// SamlSingleSignOnSettings is microsoft.graph.samlSingleSignOnSettings.
type SamlSingleSignOnSettings struct {
	RelayState *string `json:"relayState,omitempty"`
}

// VerifiedPublisher is microsoft.graph.verifiedPublisher.
type VerifiedPublisher struct {
	AddedDateTime       *string `json:"addedDateTime,omitempty"`
	DisplayName         *string `json:"displayName,omitempty"`
	VerifiedPublisherID *string `json:"verifiedPublisherId,omitempty"`
}

// UnifiedRoleDefinition is microsoft.graph.unifiedRoleDefinition (entity's
// id inlined).
type UnifiedRoleDefinition struct {
	ID                      *string                 `json:"id,omitempty"`
	Description             *string                 `json:"description,omitempty"`
	DisplayName             *string                 `json:"displayName,omitempty"`
	InheritsPermissionsFrom []UnifiedRoleDefinition `json:"inheritsPermissionsFrom,omitempty"`
	IsBuiltIn               *bool                   `json:"isBuiltIn,omitempty"`
	IsEnabled               *bool                   `json:"isEnabled,omitempty"`
	ResourceScopes          []string                `json:"resourceScopes,omitempty"`
	RolePermissions         []UnifiedRolePermission `json:"rolePermissions,omitempty"`
	TemplateID              *string                 `json:"templateId,omitempty"`
	Version                 *string                 `json:"version,omitempty"`
}

// UnifiedRoleDefinitionPage is
// microsoft.graph.unifiedRoleDefinitionCollectionResponse.
type UnifiedRoleDefinitionPage = Page[UnifiedRoleDefinition]

// UnifiedRolePermission is microsoft.graph.unifiedRolePermission.
type UnifiedRolePermission struct {
	AllowedResourceActions  []string `json:"allowedResourceActions,omitempty"`
	Condition               *string  `json:"condition,omitempty"`
	ExcludedResourceActions []string `json:"excludedResourceActions,omitempty"`
}

// Message is microsoft.graph.message (entity's id and outlookItem's
// members inlined).
type Message struct {
	ID                         *string       `json:"id,omitempty"`
	Categories                 []string      `json:"categories,omitempty"`
	ChangeKey                  *string       `json:"changeKey,omitempty"`
	CreatedDateTime            *string       `json:"createdDateTime,omitempty"`
	LastModifiedDateTime       *string       `json:"lastModifiedDateTime,omitempty"`
	BccRecipients              []Recipient   `json:"bccRecipients,omitempty"`
	Body                       *ItemBody     `json:"body,omitempty"`
	BodyPreview                *string       `json:"bodyPreview,omitempty"`
	CcRecipients               []Recipient   `json:"ccRecipients,omitempty"`
	ConversationID             *string       `json:"conversationId,omitempty"`
	ConversationIndex          *string       `json:"conversationIndex,omitempty"`
	Flag                       *FollowupFlag `json:"flag,omitempty"`
	From                       *Recipient    `json:"from,omitempty"`
	HasAttachments             *bool         `json:"hasAttachments,omitempty"`
	Importance                 *string       `json:"importance,omitempty"`
	InferenceClassification    *string       `json:"inferenceClassification,omitempty"`
	InternetMessageID          *string       `json:"internetMessageId,omitempty"`
	IsDeliveryReceiptRequested *bool         `json:"isDeliveryReceiptRequested,omitempty"`
	IsDraft                    *bool         `json:"isDraft,omitempty"`
	IsRead                     *bool         `json:"isRead,omitempty"`
	IsReadReceiptRequested     *bool         `json:"isReadReceiptRequested,omitempty"`
	ParentFolderID             *string       `json:"parentFolderId,omitempty"`
	ReceivedDateTime           *string       `json:"receivedDateTime,omitempty"`
	ReplyTo                    []Recipient   `json:"replyTo,omitempty"`
	Sender                     *Recipient    `json:"sender,omitempty"`
	SentDateTime               *string       `json:"sentDateTime,omitempty"`
	Subject                    *string       `json:"subject,omitempty"`
	ToRecipients               []Recipient   `json:"toRecipients,omitempty"`
	WebLink                    *string       `json:"webLink,omitempty"`
}

// ItemBody is microsoft.graph.itemBody.
type ItemBody struct {
	Content     *string `json:"content,omitempty"`
	ContentType *string `json:"contentType,omitempty"`
}

// Recipient is microsoft.graph.recipient.
type Recipient struct {
	EmailAddress *EmailAddress `json:"emailAddress,omitempty"`
}

// EmailAddress is microsoft.graph.emailAddress.
type EmailAddress struct {
	Address *string `json:"address,omitempty"`
	Name    *string `json:"name,omitempty"`
}

// FollowupFlag is microsoft.graph.followupFlag (its date-time members are
// absent from the payload).
type FollowupFlag struct {
	FlagStatus *string `json:"flagStatus,omitempty"`
}
