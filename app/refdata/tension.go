package refdata

import "slices"

// Family is one of the programme's families of métiers en tension: the ROME
// codes whose parent code is one of Roots.
type Family struct {
	Key   string
	Label string
	Roots []string
}

// Keys of the métiers en tension families.
const (
	FamilyEarlyChildhood = "petite_enfance"
	FamilyComputing      = "informatique"
	FamilyFood           = "metiers_de_bouche"
)

var families = []Family{
	{Key: FamilyEarlyChildhood, Label: "Petite enfance", Roots: []string{"K1303", "J1304"}},
	{Key: FamilyComputing, Label: "Informatique", Roots: []string{"M1805", "M1810"}},
	{Key: FamilyFood, Label: "Métiers de bouche", Roots: []string{"D1101", "D1102", "D1104", "G1602"}},
}

// TensionFamilies returns the programme's families of métiers en tension.
func TensionFamilies() []Family { return slices.Clone(families) }

// TensionFamily returns the key of the métiers en tension family that a ROME
// code belongs to, through its parent code.
func TensionFamily(romeCode string) (string, bool) {
	job, ok := JobByCode(romeCode)
	if !ok {
		return "", false
	}
	for _, f := range families {
		if slices.Contains(f.Roots, job.ParentCode) {
			return f.Key, true
		}
	}
	return "", false
}

// FamilyJobs returns the ROME jobs of a métiers en tension family, by code.
func FamilyJobs(key string) []Job {
	var found []Job
	for _, job := range loaded().jobs {
		if family, _ := TensionFamily(job.Code); family == key {
			found = append(found, job)
		}
	}
	return found
}
