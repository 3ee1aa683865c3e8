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
}
