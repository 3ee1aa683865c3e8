//! The audit trail's hash chain. Each entry's hash covers its own fields and the hash of
//! the entry before it, so changing or removing any entry breaks every hash after it.

pub mod checkpoint;

use sha2::{Digest, Sha256};

/// The hash that stands before the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields of an audit entry that the chain protects, in a fixed order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainedFields<'a> {
    pub id: i64,
    pub at: &'a str,
    pub actor: &'a str,
    pub actor_role: &'a str,
    pub actor_scope: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub request_id: &'a str,
    pub address: &'a str,
    pub before: &'a str,
    pub after: &'a str,
}

/// The hash of an entry given the hash of the one before it. Every field is length
/// prefixed, so no two different entries can serialise to the same bytes.
pub fn entry_hash(prev_hash: &str, f: &ChainedFields<'_>) -> String {
    let mut h = Sha256::new();
    let id = f.id.to_string();
    for part in [
        prev_hash,
        id.as_str(),
        f.at,
        f.actor,
        f.actor_role,
        f.actor_scope,
        f.action,
        f.entity,
        f.entity_id,
        f.request_id,
        f.address,
        f.before,
        f.after,
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex(&h.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Why a chain does not verify: the first entry whose stored values disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainBreak {
    /// The entry points at a previous hash other than the hash of the entry before it
    /// (an entry was removed or inserted).
    PrevMismatch { id: i64 },
    /// The entry's content does not give its stored hash (the entry was altered).
    HashMismatch { id: i64 },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(id: i64, after: &str) -> ChainedFields<'_> {
        ChainedFields {
            id,
            at: "2026-11-30T10:00:00Z",
            actor: "user:1",
            actor_role: "national_administrator",
            actor_scope: "national",
            action: "create",
            entity: "user",
            entity_id: "2",
            request_id: "r1",
            address: "127.0.0.1",
            before: "",
            after,
        }
    }

    #[test]
    fn hash_depends_on_every_field_and_the_previous_hash() {
        let base = entry_hash(GENESIS_HASH, &fields(1, "{}"));
        assert_eq!(base.len(), 64);
        assert_eq!(base, entry_hash(GENESIS_HASH, &fields(1, "{}")));
        assert_ne!(base, entry_hash(GENESIS_HASH, &fields(2, "{}")));
        assert_ne!(base, entry_hash(GENESIS_HASH, &fields(1, "{\"a\":1}")));
        assert_ne!(base, entry_hash(&base, &fields(1, "{}")));
    }

    #[test]
    fn field_boundaries_matter() {
        let mut a = fields(1, "");
        a.entity = "ab";
        a.entity_id = "c";
        let mut b = fields(1, "");
        b.entity = "a";
        b.entity_id = "bc";
        assert_ne!(entry_hash(GENESIS_HASH, &a), entry_hash(GENESIS_HASH, &b));
    }
}

macro_rules! audit_codes {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code stored in the trail (and covered by its hash): never changes.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }

            /// The suffix of its translation key (`audit-action-…`, `audit-entity-…`).
            pub fn key(self) -> String {
                self.as_str().replace(['.', '_'], "-")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

audit_codes!(
    /// What an audit entry records.
    Action {
        Create => "create",
        Update => "update",
        Delete => "delete",
        /// A move along a life cycle.
        Status => "status",
        Attach => "attach",
        Declare => "declare",
        Admit => "admit",
        Exit => "exit",
        Submit => "submit",
        Assign => "assign",
        Assess => "assess",
        Note => "note",
        Deliver => "deliver",
        Grant => "grant",
        Revoke => "revoke",
        /// Personal data opened.
        Read => "read",
        Login => "login",
        LoginFailed => "login.failed",
        LoginLocked => "login.locked",
        LoginSecondFactor => "login.second_factor",
        LoginSecondFactorFailed => "login.second_factor.failed",
        Logout => "logout",
        PasswordChange => "password.change",
        PasswordChangeFailed => "password.change.failed",
        TotpEnrol => "totp.enrol",
        TotpEnable => "totp.enable",
        GeoImport => "geo.import",
        RegistryImport => "registry.import",
        RegistryIndexImport => "registry.index.import",
        /// A signed checkpoint of the trail's head taken.
        Checkpoint => "checkpoint",
        /// The database replaced by a backup (`jisr restore`).
        Restore => "restore",
        /// A list exported to a file (CSV, XLSX).
        Export => "export",
        /// A version made the one in force (an inspection grid).
        Publish => "publish",
        /// A visit planned.
        Schedule => "schedule",
        /// A visit's grid filled and rated.
        Conduct => "conduct",
        /// A corrective action answered by the establishment.
        Answer => "answer",
        /// A corrective action verified and closed.
        Close => "close",
        /// A corrective action reopened.
        Reopen => "reopen",
        /// An assignment of a staff member ended.
        EndAssignment => "end-assignment",
        /// Attendance at a training recorded.
        Attend => "attend",
        /// Persons searched by name or national ID.
        MatchSearch => "matching.search",
        /// A new record checked against the persons already known.
        MatchCheck => "matching.check",
        /// A typed record linked to a known person, or confirmed as someone else.
        MatchDecide => "matching.decide",
        /// The registry-wide duplicate search of a province started.
        MatchJob => "matching.job",
        /// Two registry persons merged into one.
        MatchMerge => "matching.merge",
        /// A merge undone: both persons restored.
        MatchUndo => "matching.undo",
        /// Two registry persons marked not the same person.
        MatchNotSame => "matching.not_same",
        /// A published announcement taken down.
        Withdraw => "withdraw",
        /// Reminders sent to those who have not answered or acted.
        Remind => "remind",
    }
);

audit_codes!(
    /// What an audit entry is about.
    Entity {
        Territory => "territory",
        OrgUnit => "org_unit",
        User => "user",
        RoleGrant => "role_grant",
        ApiToken => "api_token",
        Establishment => "establishment",
        Document => "document",
        Association => "association",
        BoardMember => "board-member",
        CareDeclaration => "care-declaration",
        Admission => "admission",
        Beneficiary => "beneficiary",
        BeneficiarySensitive => "beneficiary-sensitive",
        CareGoal => "care-goal",
        CareService => "care-service",
        Application => "application",
        Service => "service",
        NeedsModel => "needs_model",
        Programme => "programme",
        RuleVersion => "rule_version",
        Household => "household",
        HouseholdIndexValue => "household_index_value",
        AuditTrail => "audit_trail",
        QualityGrid => "quality_grid",
        Visit => "visit",
        CorrectiveAction => "corrective_action",
        Grievance => "grievance",
        StaffMember => "staff-member",
        StaffAssignment => "staff-assignment",
        Training => "training",
        Person => "person",
        QuestionnaireVersion => "questionnaire_version",
        Consultation => "consultation",
        ConsultationAnswer => "consultation_answer",
        StaffSurvey => "staff_survey",
        StaffSurveyAnswer => "staff_survey_answer",
        PartnerMeeting => "partner_meeting",
        MeetingInvitee => "meeting_invitee",
        MeetingAction => "meeting_action",
        GrantCall => "grant_call",
        GrantApplication => "grant_application",
        GrantScore => "grant_score",
        GrantTranche => "grant_tranche",
        GrantReport => "grant_report",
        AnnualReport => "annual_report",
        Announcement => "announcement",
    }
);

#[cfg(test)]
mod code_tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_read_back() {
        for a in Action::ALL {
            assert_eq!(Action::parse(a.as_str()), Some(*a));
        }
        for e in Entity::ALL {
            assert_eq!(Entity::parse(e.as_str()), Some(*e));
        }
        let keys: std::collections::HashSet<String> = Action::ALL.iter().map(|a| a.key()).collect();
        assert_eq!(
            keys.len(),
            Action::ALL.len(),
            "two actions share a translation key"
        );
    }
}
