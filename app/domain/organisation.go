package domain

import (
	"slices"
	"time"
)

// OrganisationKind tells what an organisation is.
type OrganisationKind string

const (
	KindSchool         OrganisationKind = "school"
	KindCIO            OrganisationKind = "cio"
	KindMissionLocale  OrganisationKind = "mission_locale"
	KindYouthStructure OrganisationKind = "youth_structure"
	KindCompany        OrganisationKind = "company"
	KindAssociation    OrganisationKind = "association"
	KindESUS           OrganisationKind = "esus"
)

// IsStructure reports whether counsellors of this kind of organisation follow youths.
func (k OrganisationKind) IsStructure() bool {
	return slices.Contains(StructureKinds, k)
}

// StructureKinds are the kinds of organisations whose counsellors follow youths.
var StructureKinds = []OrganisationKind{KindSchool, KindCIO, KindMissionLocale, KindYouthStructure}

// IsESS reports whether organisations of this kind belong to the social and solidarity economy.
func (k OrganisationKind) IsESS() bool {
	return k == KindAssociation || k == KindESUS
}

// Organisation is a school, a CIO, a mission locale, a youth structure, a
// company, an association or an ESUS enterprise.
type Organisation struct {
	ID                string           `bson:"_id" json:"id"`
	Kind              OrganisationKind `bson:"kind" json:"kind"`
	Name              string           `bson:"name" json:"name"`
	SIRET             string           `bson:"siret,omitempty" json:"siret,omitempty"`
	UAI               string           `bson:"uai,omitempty" json:"uai,omitempty"`
	RNA               string           `bson:"rna,omitempty" json:"rna,omitempty"`
	ESUSAgreementDate *time.Time       `bson:"esus_agreement_date,omitempty" json:"esus_agreement_date,omitempty"`
	ESS               bool             `bson:"ess" json:"ess"`
	CommuneCode       string           `bson:"commune_code" json:"commune_code"`
	Address           string           `bson:"address" json:"address"`
	Lat               float64          `bson:"lat" json:"lat"`
	Lng               float64          `bson:"lng" json:"lng"`
	Priority          string           `bson:"priority,omitempty" json:"priority,omitempty"` // REP, REP+ or QPV
	Size              string           `bson:"size,omitempty" json:"size,omitempty"`         // TPE, PME, ETI, GE
	Verified          bool             `bson:"verified" json:"verified"`
	// Presentation and Accessibility (of the premises) are written by the
	// members for the public page.
	Presentation  string    `bson:"presentation,omitempty" json:"presentation,omitempty"`
	Accessibility string    `bson:"accessibility,omitempty" json:"accessibility,omitempty"`
	CreatedAt     time.Time `bson:"created_at" json:"created_at"`
}
