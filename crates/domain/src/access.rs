//! Roles and the territorial scope they are granted over.

use crate::geo::{ProvinceCode, RegionCode};
use serde::{Deserialize, Serialize};

/// What a person may do. A user holds one or more grants, each a role bound to a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    NationalAdministrator,
    ProgrammeOwner,
    RegionalCoordinator,
    ProvincialOfficer,
    SocialWorker,
    Inspector,
    EstablishmentManager,
    Auditor,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::NationalAdministrator,
        Role::ProgrammeOwner,
        Role::RegionalCoordinator,
        Role::ProvincialOfficer,
        Role::SocialWorker,
        Role::Inspector,
        Role::EstablishmentManager,
        Role::Auditor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::NationalAdministrator => "national_administrator",
            Role::ProgrammeOwner => "programme_owner",
            Role::RegionalCoordinator => "regional_coordinator",
            Role::ProvincialOfficer => "provincial_officer",
            Role::SocialWorker => "social_worker",
            Role::Inspector => "inspector",
            Role::EstablishmentManager => "establishment_manager",
            Role::Auditor => "auditor",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether a grant of this role over `scope` makes sense: a national administrator
    /// is national, a regional coordinator holds a region, an establishment manager
    /// holds an establishment, and so on.
    pub fn accepts_scope(self, scope: &Scope) -> bool {
        self.scope_kinds().contains(&scope.kind())
    }

    /// The kinds of scope (`Scope::kind`) this role may be granted over.
    pub fn scope_kinds(self) -> &'static [&'static str] {
        match self {
            Role::NationalAdministrator | Role::ProgrammeOwner => &["national"],
            Role::RegionalCoordinator => &["region"],
            Role::ProvincialOfficer | Role::SocialWorker => &["province"],
            Role::Inspector | Role::Auditor => &["national", "region", "province"],
            Role::EstablishmentManager => &["establishment"],
        }
    }

    /// The roles a holder of this role may grant to others (within their own scope).
    pub fn grantable(self) -> &'static [Role] {
        match self {
            Role::NationalAdministrator => &Role::ALL,
            Role::RegionalCoordinator => {
                &[Role::ProvincialOfficer, Role::SocialWorker, Role::Inspector]
            }
            Role::ProvincialOfficer => &[Role::SocialWorker],
            _ => &[],
        }
    }
}

/// Something a person may do, whatever the record: the one vocabulary in which route
/// policies, the store's checks and the navigation are written. Where a capability is
/// exercised (which territory, which establishment) is the grant's scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Capability {
    /// Create an establishment's file and edit its description.
    RegisterEstablishments,
    /// Edit an existing establishment's description (its manager too).
    EditEstablishments,
    /// Attach documents to an authorisation dossier, file a request, answer a request
    /// for documents, appeal a refusal, declare care outside the premises.
    FileAuthorisations,
    /// Work the authorisation queue: review, ask for documents, decide, suspend, withdraw.
    DecideAuthorisations,
    /// Decide the appeal of a refused authorisation (above the delegation).
    DecideAuthorisationAppeals,
    /// Create and edit partner associations, their boards and documents.
    EditAssociations,
    /// Process online applications: take, assess, ask for documents, decide.
    ProcessApplications,
    /// Assign an application to another social worker.
    AssignApplications,
    /// Decide the appeal of an application's decision (above the social worker).
    DecideApplicationAppeals,
    /// Keep an establishment's register: admissions, exits, beneficiary files.
    KeepRegisters,
    /// Read an establishment's register and beneficiary files (without sensitive notes).
    ReadRegisters,
    /// Read and write beneficiaries' health, disability and schooling notes.
    ReadSensitiveNotes,
    /// Follow establishments on the dashboard (queues, counts).
    FollowEstablishments,
    /// See the establishments above their authorised capacity.
    OverseeCapacity,
    /// Define programmes, write and activate their rule versions, tune needs models.
    OwnProgrammes,
    /// Read the social registry within the territory and simulate rule changes.
    ReadRegistry,
    /// Import registry files (households, persons, index values).
    ImportRegistry,
    /// Create accounts and grant roles within one's own scope.
    AdministerAccounts,
    /// Read and verify the whole audit trail.
    ReadAuditTrail,
    /// Edit draft inspection grids and publish their versions.
    EditQualityGrids,
    /// Read the risk ranking of a territory and schedule inspection visits.
    PlanInspections,
    /// Conduct inspection visits, record findings, open and close corrective actions.
    ConductVisits,
    /// Answer the corrective actions of one's establishment, with evidence.
    AnswerCorrectiveActions,
    /// Read inspection grids, visits, reports and corrective actions.
    ReadQualityReports,
    /// Read the complaints of one's territory or establishment (confidential ones only
    /// where `grievances::may_read` allows).
    ReadGrievances,
    /// Record complaints received at a counter, by phone or by letter, and handle them:
    /// assign, acknowledge, examine, answer, close.
    HandleGrievances,
    /// Keep an establishment's staff records: add staff, end assignments, trainings.
    KeepStaffRecords,
    /// Read the personal files of an establishment's staff and its staffing ratios.
    ReadStaffRecords,
    /// See the salaries recorded in staff files.
    ReadStaffSalaries,
    /// Search the registry of one's territory for duplicate persons, merge them, undo a
    /// merge, mark two persons "not the same".
    ReviewDuplicates,
    /// Import questionnaires and launch consultation campaigns; read all their results.
    RunConsultations,
    /// Follow the consultations of one's territory: progress and results.
    FollowConsultations,
    /// Answer the consultations sent to one's establishment.
    AnswerConsultations,
    /// Hold partner meetings in one's territory: invitations, attendance, minutes and
    /// follow-up actions.
    HoldPartnerMeetings,
    /// Register one person in the social registry of one's territory, after the
    /// point-of-entry check against the persons already known.
    RegisterPersons,
    /// Make and publish grant calls, name their committees, record decisions,
    /// conventions, tranche releases and review reports.
    RunGrantCalls,
    /// Sit on a grant committee: declare conflicts and score the applications of the
    /// calls one is a member of (membership is per call, in the store).
    ScoreGrantApplications,
    /// Apply for grants for the association of one's establishment and report on them.
    ApplyForGrants,
    /// Follow the grants of one's territory (applications, conventions, tranches).
    FollowGrants,
    /// Start, fill in and file an establishment's annual report.
    FileAnnualReports,
    /// Return an annual report with remarks or accept it.
    ReviewAnnualReports,
    /// Read the annual reports within one's reach.
    ReadAnnualReports,
    /// Write announcements to the partners of one's territory and public news, publish
    /// and withdraw them.
    PublishAnnouncements,
}

impl Capability {
    pub const ALL: [Capability; 43] = [
        Capability::RegisterEstablishments,
        Capability::EditEstablishments,
        Capability::FileAuthorisations,
        Capability::DecideAuthorisations,
        Capability::DecideAuthorisationAppeals,
        Capability::EditAssociations,
        Capability::ProcessApplications,
        Capability::AssignApplications,
        Capability::DecideApplicationAppeals,
        Capability::KeepRegisters,
        Capability::ReadRegisters,
        Capability::ReadSensitiveNotes,
        Capability::FollowEstablishments,
        Capability::OverseeCapacity,
        Capability::OwnProgrammes,
        Capability::ReadRegistry,
        Capability::ImportRegistry,
        Capability::AdministerAccounts,
        Capability::ReadAuditTrail,
        Capability::EditQualityGrids,
        Capability::PlanInspections,
        Capability::ConductVisits,
        Capability::AnswerCorrectiveActions,
        Capability::ReadQualityReports,
        Capability::ReadGrievances,
        Capability::HandleGrievances,
        Capability::KeepStaffRecords,
        Capability::ReadStaffRecords,
        Capability::ReadStaffSalaries,
        Capability::ReviewDuplicates,
        Capability::RunConsultations,
        Capability::FollowConsultations,
        Capability::AnswerConsultations,
        Capability::HoldPartnerMeetings,
        Capability::RegisterPersons,
        Capability::RunGrantCalls,
        Capability::ScoreGrantApplications,
        Capability::ApplyForGrants,
        Capability::FollowGrants,
        Capability::FileAnnualReports,
        Capability::ReviewAnnualReports,
        Capability::ReadAnnualReports,
        Capability::PublishAnnouncements,
    ];

    /// The roles that hold this capability, read from [`Role::capabilities`].
    pub fn holders(self) -> impl Iterator<Item = Role> {
        Role::ALL.into_iter().filter(move |r| r.can(self))
    }
}

impl Role {
    /// The one table of who may do what. Everything that asks "may this person…"
    /// reads it, through [`Role::can`] or [`Grants`].
    pub const fn capabilities(self) -> &'static [Capability] {
        use Capability::*;
        match self {
            Role::NationalAdministrator => &[
                RegisterEstablishments,
                EditEstablishments,
                FileAuthorisations,
                DecideAuthorisations,
                DecideAuthorisationAppeals,
                EditAssociations,
                ProcessApplications,
                AssignApplications,
                DecideApplicationAppeals,
                ReadRegisters,
                FollowEstablishments,
                OverseeCapacity,
                OwnProgrammes,
                ReadRegistry,
                ImportRegistry,
                AdministerAccounts,
                ReadAuditTrail,
                EditQualityGrids,
                PlanInspections,
                ReadQualityReports,
                ReadGrievances,
                HandleGrievances,
                RunConsultations,
                FollowConsultations,
                HoldPartnerMeetings,
                RunGrantCalls,
                FollowGrants,
                ReviewAnnualReports,
                ReadAnnualReports,
            ],
            Role::ProgrammeOwner => &[
                OwnProgrammes,
                ReadRegistry,
                ImportRegistry,
                EditQualityGrids,
                ReadQualityReports,
                RunConsultations,
                FollowConsultations,
                RunGrantCalls,
                ScoreGrantApplications,
                FollowGrants,
                PublishAnnouncements,
            ],
            Role::RegionalCoordinator => &[
                RegisterEstablishments,
                EditEstablishments,
                FileAuthorisations,
                DecideAuthorisations,
                DecideAuthorisationAppeals,
                EditAssociations,
                ProcessApplications,
                AssignApplications,
                DecideApplicationAppeals,
                ReadRegisters,
                FollowEstablishments,
                OverseeCapacity,
                ReadRegistry,
                AdministerAccounts,
                PlanInspections,
                ReadQualityReports,
                ReadGrievances,
                HandleGrievances,
                FollowConsultations,
                HoldPartnerMeetings,
                ScoreGrantApplications,
                FollowGrants,
                ReviewAnnualReports,
                ReadAnnualReports,
                PublishAnnouncements,
            ],
            Role::ProvincialOfficer => &[
                RegisterEstablishments,
                EditEstablishments,
                FileAuthorisations,
                DecideAuthorisations,
                EditAssociations,
                ProcessApplications,
                AssignApplications,
                DecideApplicationAppeals,
                KeepRegisters,
                ReadRegisters,
                FollowEstablishments,
                OverseeCapacity,
                ReadRegistry,
                AdministerAccounts,
                PlanInspections,
                ReadQualityReports,
                ReadGrievances,
                HandleGrievances,
                KeepStaffRecords,
                ReadStaffRecords,
                ReviewDuplicates,
                FollowConsultations,
                HoldPartnerMeetings,
                RegisterPersons,
                ScoreGrantApplications,
                FollowGrants,
                ReviewAnnualReports,
                ReadAnnualReports,
                PublishAnnouncements,
            ],
            Role::SocialWorker => &[
                ProcessApplications,
                KeepRegisters,
                ReadRegisters,
                ReadSensitiveNotes,
                ReadRegistry,
                ReadGrievances,
                HandleGrievances,
                ReviewDuplicates,
                RegisterPersons,
            ],
            Role::Inspector => &[
                ReadRegisters,
                FollowEstablishments,
                PlanInspections,
                ConductVisits,
                ReadQualityReports,
                ReadGrievances,
                ReadStaffRecords,
                ReadAnnualReports,
            ],
            Role::EstablishmentManager => &[
                EditEstablishments,
                FileAuthorisations,
                KeepRegisters,
                ReadRegisters,
                ReadSensitiveNotes,
                FollowEstablishments,
                AnswerCorrectiveActions,
                ReadQualityReports,
                ReadGrievances,
                KeepStaffRecords,
                ReadStaffRecords,
                ReadStaffSalaries,
                AnswerConsultations,
                ApplyForGrants,
                FileAnnualReports,
                ReadAnnualReports,
            ],
            Role::Auditor => &[
                ReadRegistry,
                ReadAuditTrail,
                ReadQualityReports,
                FollowGrants,
                ReadAnnualReports,
            ],
        }
    }

    /// Whether this role holds `capability`.
    pub fn can(self, capability: Capability) -> bool {
        self.capabilities().contains(&capability)
    }
}

/// The grants of one person: each a role bound to a scope. Cheap to clone (shared), so
/// handles and requests pass it around instead of copying lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grants(std::sync::Arc<[(Role, Scope)]>);

impl Grants {
    /// No grant at all: a signed-out person.
    pub fn none() -> Self {
        Self::default()
    }

    /// Whether any grant's role holds `capability`, wherever.
    pub fn can(&self, capability: Capability) -> bool {
        self.0.iter().any(|(r, _)| r.can(capability))
    }

    /// The scopes over which the person holds `capability`.
    pub fn scopes_for(&self, capability: Capability) -> impl Iterator<Item = &Scope> {
        self.0
            .iter()
            .filter(move |(r, _)| r.can(capability))
            .map(|(_, s)| s)
    }

    /// Whether the person holds `capability` over a scope covering `province`.
    pub fn can_in_province(&self, capability: Capability, province: &ProvinceCode) -> bool {
        self.scopes_for(capability)
            .any(|s| s.covers_province(province))
    }

    /// Whether the person holds `capability` over a scope covering the establishment
    /// `id` located in `province`.
    pub fn can_at_establishment(
        &self,
        capability: Capability,
        province: &ProvinceCode,
        id: i64,
    ) -> bool {
        self.scopes_for(capability)
            .any(|s| s.covers_establishment(province, id))
    }

    /// Whether a grant of any role covers `province`.
    pub fn covers_province(&self, province: &ProvinceCode) -> bool {
        self.0.iter().any(|(_, s)| s.covers_province(province))
    }

    /// The widest scope over which the person holds `capability` (national, then
    /// region, province, establishment); `None` without the capability.
    pub fn widest_scope_for(&self, capability: Capability) -> Option<Scope> {
        self.scopes_for(capability)
            .min_by_key(|s| s.breadth())
            .cloned()
    }

    /// The grants whose role holds `capability`.
    pub fn holding(&self, capability: Capability) -> Grants {
        self.0
            .iter()
            .filter(|(r, _)| r.can(capability))
            .cloned()
            .collect()
    }

    /// Whether one of the grants is `role`, over whatever scope.
    pub fn has_role(&self, role: Role) -> bool {
        self.0.iter().any(|(r, _)| *r == role)
    }

    pub fn roles(&self) -> impl Iterator<Item = Role> + '_ {
        self.0.iter().map(|(r, _)| *r)
    }

    pub fn scopes(&self) -> impl Iterator<Item = &Scope> {
        self.0.iter().map(|(_, s)| s)
    }
}

impl std::ops::Deref for Grants {
    type Target = [(Role, Scope)];

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl From<Vec<(Role, Scope)>> for Grants {
    fn from(v: Vec<(Role, Scope)>) -> Self {
        Self(v.into())
    }
}

impl From<&[(Role, Scope)]> for Grants {
    fn from(v: &[(Role, Scope)]) -> Self {
        Self(v.into())
    }
}

impl FromIterator<(Role, Scope)> for Grants {
    fn from_iter<I: IntoIterator<Item = (Role, Scope)>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

/// Roles an administrator holding `admin` may grant to others, with where.
///
/// A national administrator grants anything anywhere; a regional coordinator creates the
/// provincial staff of their region; a provincial officer creates social workers of their
/// province. Nobody grants a scope outside their own, nor a role above their own.
pub fn may_grant(admin: &[(Role, Scope)], role: Role, scope: &Scope) -> bool {
    role.accepts_scope(scope)
        && admin.iter().any(|(own_role, own_scope)| {
            own_role.grantable().contains(&role) && scope.is_within(own_scope)
        })
}

/// Whether a person holding `viewer` grants may see an account holding `target` grants:
/// national administrators see every account; others see accounts whose every grant is
/// one they could give themselves (an account that also holds a wider grant is not theirs).
pub fn may_see_account(viewer: &[(Role, Scope)], target: &[(Role, Scope)]) -> bool {
    viewer
        .iter()
        .any(|(r, s)| *r == Role::NationalAdministrator && *s == Scope::National)
        || (!target.is_empty()
            && target
                .iter()
                .all(|(role, scope)| may_grant(viewer, *role, scope)))
}

/// The part of the country a grant covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "code", rename_all = "snake_case")]
pub enum Scope {
    National,
    Region(RegionCode),
    Province(ProvinceCode),
    /// One establishment, by its registry id.
    Establishment(i64),
}

/// Why a scope could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScopeError {
    #[error("unknown scope kind `{0}` (expected national, region, province or establishment)")]
    UnknownKind(String),
    #[error("scope `{0}` needs a code")]
    MissingCode(&'static str),
    #[error(transparent)]
    Code(#[from] crate::geo::CodeError),
    #[error("`{0}` is not an establishment id")]
    Establishment(String),
}

impl Scope {
    pub fn kind(&self) -> &'static str {
        match self {
            Scope::National => "national",
            Scope::Region(_) => "region",
            Scope::Province(_) => "province",
            Scope::Establishment(_) => "establishment",
        }
    }

    /// The code stored beside the kind, if any.
    pub fn code(&self) -> Option<String> {
        match self {
            Scope::National => None,
            Scope::Region(r) => Some(r.to_string()),
            Scope::Province(p) => Some(p.to_string()),
            Scope::Establishment(id) => Some(id.to_string()),
        }
    }

    /// Reads a scope from its stored kind and code.
    pub fn from_parts(kind: &str, code: Option<&str>) -> Result<Self, ScopeError> {
        let need = |k: &'static str| {
            code.filter(|c| !c.is_empty())
                .ok_or(ScopeError::MissingCode(k))
        };
        match kind {
            "national" => Ok(Scope::National),
            "region" => Ok(Scope::Region(RegionCode::parse(need("region")?)?)),
            "province" => Ok(Scope::Province(ProvinceCode::parse(need("province")?)?)),
            "establishment" => {
                let c = need("establishment")?;
                c.parse()
                    .map(Scope::Establishment)
                    .map_err(|_| ScopeError::Establishment(c.to_owned()))
            }
            other => Err(ScopeError::UnknownKind(other.to_owned())),
        }
    }

    /// Whether this scope covers everything located in `province`.
    pub fn covers_province(&self, province: &ProvinceCode) -> bool {
        match self {
            Scope::National => true,
            Scope::Region(r) => province.region() == *r,
            Scope::Province(p) => p == province,
            Scope::Establishment(_) => false,
        }
    }

    /// Whether this scope covers an establishment located in `province`.
    pub fn covers_establishment(&self, province: &ProvinceCode, id: i64) -> bool {
        match self {
            Scope::Establishment(e) => *e == id,
            _ => self.covers_province(province),
        }
    }

    /// How wide the scope is: 0 for national, then region, province, establishment.
    pub fn breadth(&self) -> u8 {
        match self {
            Scope::National => 0,
            Scope::Region(_) => 1,
            Scope::Province(_) => 2,
            Scope::Establishment(_) => 3,
        }
    }

    /// Whether this scope is the same as, or inside, `other`: an administrator may only
    /// grant scopes inside their own.
    pub fn is_within(&self, other: &Scope) -> bool {
        match (other, self) {
            (Scope::National, _) => true,
            (Scope::Region(r), Scope::Region(s)) => r == s,
            (Scope::Region(r), Scope::Province(p)) => p.region() == *r,
            (Scope::Province(p), Scope::Province(q)) => p == q,
            (Scope::Establishment(a), Scope::Establishment(b)) => a == b,
            _ => false,
        }
    }
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.code() {
            Some(c) => write!(f, "{}:{}", self.kind(), c),
            None => f.write_str(self.kind()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prov(s: &str) -> ProvinceCode {
        ProvinceCode::parse(s).unwrap()
    }

    #[test]
    fn roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn scopes_cover_their_territory_only() {
        let rehamna = prov("07.427");
        let safi = prov("07.431");
        let casablanca = prov("06.141");
        let region = Scope::Region(RegionCode::parse("07").unwrap());
        assert!(Scope::National.covers_province(&casablanca));
        assert!(region.covers_province(&rehamna) && region.covers_province(&safi));
        assert!(!region.covers_province(&casablanca));
        let p = Scope::Province(rehamna.clone());
        assert!(p.covers_province(&rehamna));
        assert!(!p.covers_province(&safi));
        assert!(!Scope::Establishment(3).covers_province(&rehamna));
    }

    #[test]
    fn scopes_nest() {
        let region = Scope::Region(RegionCode::parse("07").unwrap());
        let rehamna = Scope::Province(prov("07.427"));
        assert!(rehamna.is_within(&region));
        assert!(!region.is_within(&rehamna));
        assert!(region.is_within(&Scope::National));
        assert!(!Scope::National.is_within(&region));
        assert!(!Scope::Province(prov("06.141")).is_within(&region));
    }

    #[test]
    fn scopes_read_back_from_storage() {
        for s in [
            Scope::National,
            Scope::Region(RegionCode::parse("07").unwrap()),
            Scope::Province(prov("07.427")),
            Scope::Establishment(12),
        ] {
            assert_eq!(Scope::from_parts(s.kind(), s.code().as_deref()), Ok(s));
        }
        assert_eq!(
            Scope::from_parts("province", None),
            Err(ScopeError::MissingCode("province"))
        );
        assert!(Scope::from_parts("planet", None).is_err());
        assert!(Scope::from_parts("region", Some("7")).is_err());
    }

    #[test]
    fn administrators_grant_only_inside_their_scope_and_below_their_role() {
        let national = vec![(Role::NationalAdministrator, Scope::National)];
        let coord = vec![(
            Role::RegionalCoordinator,
            Scope::Region(RegionCode::parse("07").unwrap()),
        )];
        let officer = vec![(Role::ProvincialOfficer, Scope::Province(prov("07.427")))];
        let rehamna = Scope::Province(prov("07.427"));
        let casablanca = Scope::Province(prov("06.141"));
        assert!(may_grant(
            &national,
            Role::NationalAdministrator,
            &Scope::National
        ));
        assert!(may_grant(&national, Role::ProvincialOfficer, &casablanca));
        assert!(may_grant(&coord, Role::ProvincialOfficer, &rehamna));
        assert!(
            !may_grant(&coord, Role::ProvincialOfficer, &casablanca),
            "outside the region"
        );
        assert!(
            !may_grant(&coord, Role::NationalAdministrator, &Scope::National),
            "above the role"
        );
        assert!(!may_grant(
            &coord,
            Role::RegionalCoordinator,
            &Scope::Region(RegionCode::parse("07").unwrap())
        ));
        assert!(may_grant(&officer, Role::SocialWorker, &rehamna));
        assert!(!may_grant(&officer, Role::ProvincialOfficer, &rehamna));
        assert!(!may_grant(
            &officer,
            Role::SocialWorker,
            &Scope::Province(prov("07.431"))
        ));
        let auditor = vec![(Role::Auditor, Scope::National)];
        assert!(
            !may_grant(&auditor, Role::SocialWorker, &rehamna),
            "auditors change nothing"
        );
    }

    #[test]
    fn accounts_are_visible_within_scope() {
        let coord = vec![(
            Role::RegionalCoordinator,
            Scope::Region(RegionCode::parse("07").unwrap()),
        )];
        let safi_officer = vec![(Role::ProvincialOfficer, Scope::Province(prov("07.431")))];
        let casa_officer = vec![(Role::ProvincialOfficer, Scope::Province(prov("06.141")))];
        assert!(may_see_account(&coord, &safi_officer));
        assert!(!may_see_account(&coord, &casa_officer));
        assert!(
            !may_see_account(&coord, &[]),
            "accounts without a grant: national only"
        );
        assert!(may_see_account(
            &[(Role::NationalAdministrator, Scope::National)],
            &[]
        ));
    }

    #[test]
    fn roles_accept_only_fitting_scopes() {
        assert!(Role::NationalAdministrator.accepts_scope(&Scope::National));
        assert!(!Role::NationalAdministrator.accepts_scope(&Scope::Province(prov("07.427"))));
        assert!(Role::ProvincialOfficer.accepts_scope(&Scope::Province(prov("07.427"))));
        assert!(!Role::ProvincialOfficer.accepts_scope(&Scope::National));
        assert!(Role::EstablishmentManager.accepts_scope(&Scope::Establishment(1)));
    }

    #[test]
    fn the_table_keeps_the_rules_of_the_field() {
        use Capability::*;
        // Auditors change nothing.
        for c in Role::Auditor.capabilities() {
            assert!(
                matches!(
                    c,
                    ReadRegistry
                        | ReadAuditTrail
                        | ReadQualityReports
                        | FollowGrants
                        | ReadAnnualReports
                ),
                "{c:?}"
            );
        }
        // Sensitive notes: those who care for the person, not their hierarchy.
        let sensitive: Vec<Role> = ReadSensitiveNotes.holders().collect();
        assert_eq!(
            sensitive,
            vec![Role::SocialWorker, Role::EstablishmentManager]
        );
        // An authorisation appeal is decided above the delegation.
        assert!(!Role::ProvincialOfficer.can(DecideAuthorisationAppeals));
        assert!(Role::RegionalCoordinator.can(DecideAuthorisationAppeals));
        // Staff files: the establishment's manager, the delegation and inspectors; the
        // salaries: the manager alone.
        let staff: Vec<Role> = ReadStaffRecords.holders().collect();
        assert_eq!(
            staff,
            vec![
                Role::ProvincialOfficer,
                Role::Inspector,
                Role::EstablishmentManager
            ]
        );
        let salaries: Vec<Role> = ReadStaffSalaries.holders().collect();
        assert_eq!(salaries, vec![Role::EstablishmentManager]);
        // Every capability is held by someone.
        for c in Capability::ALL {
            assert!(c.holders().next().is_some(), "{c:?} is held by nobody");
        }
    }

    #[test]
    fn grants_answer_where_a_capability_holds() {
        let rehamna = prov("07.427");
        let safi = prov("07.431");
        let g: Grants = vec![
            (Role::SocialWorker, Scope::Province(rehamna.clone())),
            (
                Role::Inspector,
                Scope::Region(RegionCode::parse("07").unwrap()),
            ),
        ]
        .into();
        assert!(g.can(Capability::KeepRegisters));
        assert!(g.can_in_province(Capability::KeepRegisters, &rehamna));
        assert!(
            !g.can_in_province(Capability::KeepRegisters, &safi),
            "the inspector's wider grant does not make them keep Safi's registers"
        );
        assert!(g.can_in_province(Capability::ReadRegisters, &safi));
        assert_eq!(
            g.widest_scope_for(Capability::ReadRegisters),
            Some(Scope::Region(RegionCode::parse("07").unwrap()))
        );
        assert_eq!(g.widest_scope_for(Capability::ReadAuditTrail), None);
        assert!(!Grants::none().can(Capability::ReadRegisters));
        let manager: Grants = vec![(Role::EstablishmentManager, Scope::Establishment(4))].into();
        assert!(manager.can_at_establishment(Capability::KeepRegisters, &rehamna, 4));
        assert!(!manager.can_at_establishment(Capability::KeepRegisters, &rehamna, 5));
    }
}
