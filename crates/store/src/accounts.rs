//! Staff accounts and the roles granted to them.

use crate::audit::{self, Actor, Change};
use crate::entity::{province, region, role_grant, user};
use crate::{Store, StoreError};
use argon2::password_hash::{PasswordHasher, SaltString};
use argon2::{Argon2, PasswordHash, PasswordVerifier};
use jisr_domain::access::{Role, Scope};
use jisr_domain::ids::{GrantId, UserId};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

/// The shortest password accepted.
pub const MIN_PASSWORD_LEN: usize = 12;

/// A password that meets the policy. Its `Debug` never shows it.
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

impl Password {
    pub fn parse(s: &str) -> Result<Self, StoreError> {
        if s.chars().count() < MIN_PASSWORD_LEN {
            return Err(StoreError::Invalid(format!(
                "the password must have at least {MIN_PASSWORD_LEN} characters"
            )));
        }
        Ok(Self(s.to_owned()))
    }

    /// A random 16-character password for a new account, to be changed at first login.
    /// Ambiguous characters (0/O, 1/l/I) are left out so it can be read out loud.
    pub fn temporary() -> String {
        const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        (0..16)
            .map(|_| ALPHABET[rand::random_range(0..ALPHABET.len())] as char)
            .collect()
    }

    /// The password itself, for hashing and comparison only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// An argon2id hash with a random salt.
    pub fn hash(&self) -> Result<String, StoreError> {
        let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>())
            .map_err(|e| StoreError::Invalid(format!("salt: {e}")))?;
        Argon2::default()
            .hash_password(self.0.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| StoreError::Invalid(format!("password hashing failed: {e}")))
    }
}

/// At most this many password checks run at once: each takes about 19 MiB and a core.
static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(4);

/// [`verify_password`] off the async threads, with a bound on how many run at once, so a
/// flood of sign-in attempts queues instead of exhausting memory.
pub async fn verify_password_bounded(stored_hash: String, candidate: String) -> bool {
    let Ok(_permit) = HASHING.acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || verify_password(&stored_hash, &candidate))
        .await
        .unwrap_or(false)
}

/// Whether `candidate` matches a stored hash.
pub fn verify_password(stored_hash: &str, candidate: &str) -> bool {
    PasswordHash::new(stored_hash)
        .map(|h| {
            Argon2::default()
                .verify_password(candidate.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A username: 3–64 characters of lowercase letters, digits, `.`, `-`, `_`.
pub fn parse_username(s: &str) -> Result<String, StoreError> {
    let s = s.trim().to_lowercase();
    let ok = (3..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if ok {
        Ok(s)
    } else {
        Err(StoreError::Invalid(
            "a username has 3 to 64 characters: letters a-z, digits, '.', '-' or '_'".into(),
        ))
    }
}

/// The normalised username, the trimmed display name and the password hash.
fn checked_account(
    username: &str,
    display_name: &str,
    password: &Password,
) -> Result<(String, String, String), StoreError> {
    let username = parse_username(username)?;
    let display_name = display_name.trim();
    if display_name.is_empty() {
        return Err(StoreError::Invalid("the display name is empty".into()));
    }
    Ok((username, display_name.to_owned(), password.hash()?))
}

/// Creates an account. Accounts made by someone else must change their password at
/// first login (`must_change_password`).
pub async fn create_user(
    store: &Store,
    actor: &Actor,
    username: &str,
    display_name: &str,
    password: &Password,
    must_change_password: bool,
) -> Result<UserId, StoreError> {
    create(
        store,
        actor,
        (username, display_name, password),
        must_change_password,
        None,
    )
    .await
}

/// Creates an account and its first grant together: both or neither.
#[allow(clippy::too_many_arguments)]
pub async fn create_user_with_grant(
    store: &Store,
    actor: &Actor,
    username: &str,
    display_name: &str,
    password: &Password,
    must_change_password: bool,
    role: Role,
    scope: &Scope,
) -> Result<UserId, StoreError> {
    let account = (username, display_name, password);
    create(
        store,
        actor,
        account,
        must_change_password,
        Some((role, scope)),
    )
    .await
}

/// Checks and hashes first (outside the write lock), then inserts the account and its
/// grant, if any, in one transaction.
async fn create(
    store: &Store,
    actor: &Actor,
    (username, display_name, password): (&str, &str, &Password),
    must_change_password: bool,
    grant: Option<(Role, &Scope)>,
) -> Result<UserId, StoreError> {
    let (username, display_name, hash) = checked_account(username, display_name, password)?;
    let txn = store.begin_write().await?;
    let id = insert_user(
        &txn,
        actor,
        &username,
        &display_name,
        hash,
        must_change_password,
    )
    .await?;
    if let Some((role, scope)) = grant {
        insert_grant(&txn, actor, id, role, scope).await?;
    }
    txn.commit().await?;
    Ok(id)
}

async fn insert_user(
    txn: &sea_orm::DatabaseTransaction,
    actor: &Actor,
    username: &str,
    display_name: &str,
    hash: String,
    must_change_password: bool,
) -> Result<UserId, StoreError> {
    if user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(txn)
        .await?
        .is_some()
    {
        return Err(StoreError::Conflict(format!("user `{username}`")));
    }
    let res = user::Entity::insert(user::ActiveModel {
        id: NotSet,
        username: Set(username.to_owned()),
        display_name: Set(display_name.to_owned()),
        password_hash: Set(hash),
        must_change_password: Set(must_change_password),
        active: Set(true),
        created_at: Set(crate::now_text()),
        totp_secret: Set(None),
        totp_enabled: Set(false),
        totp_last_step: Set(None),
    })
    .exec(txn)
    .await?;
    let id = res.last_insert_id;
    audit::record(
        txn,
        actor,
        Change {
            action: jisr_domain::audit::Action::Create,
            entity: jisr_domain::audit::Entity::User,
            entity_id: id.to_string(),
            before: None,
            after: Some(serde_json::json!({
                "username": username, "display_name": display_name,
                "password": "***", "must_change_password": must_change_password,
            })),
        },
    )
    .await?;
    Ok(UserId(id))
}

/// Finds an account by username.
pub async fn find_user(
    db: &impl ConnectionTrait,
    username: &str,
) -> Result<user::Model, StoreError> {
    user::Entity::find()
        .filter(user::Column::Username.eq(username.trim().to_lowercase()))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}

/// Checks that the territory a scope names exists.
async fn scope_exists(db: &impl ConnectionTrait, scope: &Scope) -> Result<bool, StoreError> {
    Ok(match scope {
        Scope::National | Scope::Establishment(_) => true,
        Scope::Region(r) => region::Entity::find_by_id(r.as_str())
            .one(db)
            .await?
            .is_some(),
        Scope::Province(p) => province::Entity::find_by_id(p.as_str())
            .one(db)
            .await?
            .is_some(),
    })
}

/// Grants `role` over `scope` to a user.
pub async fn grant_role(
    store: &Store,
    actor: &Actor,
    user_id: UserId,
    role: Role,
    scope: &Scope,
) -> Result<GrantId, StoreError> {
    let txn = store.begin_write().await?;
    let id = insert_grant(&txn, actor, user_id, role, scope).await?;
    txn.commit().await?;
    Ok(id)
}

async fn insert_grant(
    txn: &sea_orm::DatabaseTransaction,
    actor: &Actor,
    user_id: UserId,
    role: Role,
    scope: &Scope,
) -> Result<GrantId, StoreError> {
    if !role.accepts_scope(scope) {
        return Err(StoreError::Invalid(format!(
            "the role {} cannot be granted over the scope {}",
            role.as_str(),
            scope
        )));
    }
    if user::Entity::find_by_id(user_id.0)
        .one(txn)
        .await?
        .is_none()
    {
        return Err(StoreError::NotFound);
    }
    if !scope_exists(txn, scope).await? {
        return Err(StoreError::Invalid(format!(
            "unknown territory in scope {scope}"
        )));
    }
    let existing = role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(user_id.0))
        .filter(role_grant::Column::Role.eq(role.as_str()))
        .filter(role_grant::Column::ScopeKind.eq(scope.kind()))
        .all(txn)
        .await?;
    if existing.iter().any(|g| g.scope_code == scope.code()) {
        return Err(StoreError::Conflict(format!(
            "grant {} {}",
            role.as_str(),
            scope
        )));
    }
    let res = role_grant::Entity::insert(role_grant::ActiveModel {
        id: NotSet,
        user_id: Set(user_id.0),
        role: Set(role.as_str().to_owned()),
        scope_kind: Set(scope.kind().to_owned()),
        scope_code: Set(scope.code()),
        created_at: Set(crate::now_text()),
    })
    .exec(txn)
    .await?;
    let id = res.last_insert_id;
    audit::record(
        txn,
        actor,
        Change {
            action: jisr_domain::audit::Action::Grant,
            entity: jisr_domain::audit::Entity::RoleGrant,
            entity_id: id.to_string(),
            before: None,
            after: Some(serde_json::json!({
                "user_id": user_id.0, "role": role.as_str(), "scope": scope.to_string(),
            })),
        },
    )
    .await?;
    Ok(GrantId(id))
}

/// The grants a user holds.
pub async fn grants(
    db: &impl ConnectionTrait,
    user_id: UserId,
) -> Result<Vec<(Role, Scope)>, StoreError> {
    let rows = role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(user_id.0))
        .order_by_asc(role_grant::Column::Id)
        .all(db)
        .await?;
    rows.iter().map(parse_grant).collect()
}

/// An account with its grants.
#[derive(Debug, Clone)]
pub struct Account {
    pub user: user::Model,
    pub grants: Vec<(Role, Scope)>,
}

fn parse_grant(g: &role_grant::Model) -> Result<(Role, Scope), StoreError> {
    let role = Role::parse(&g.role)
        .ok_or_else(|| StoreError::Invalid(format!("stored role `{}` is unknown", g.role)))?;
    let scope = Scope::from_parts(&g.scope_kind, g.scope_code.as_deref())
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    Ok((role, scope))
}

/// Every account with its grants, by username. Staff accounts are few: the caller
/// filters them by what the viewer may see.
pub async fn accounts(db: &impl ConnectionTrait) -> Result<Vec<Account>, StoreError> {
    let users = user::Entity::find()
        .order_by_asc(user::Column::Username)
        .all(db)
        .await?;
    let all = role_grant::Entity::find()
        .order_by_asc(role_grant::Column::Id)
        .all(db)
        .await?;
    users
        .into_iter()
        .map(|u| {
            let grants = all
                .iter()
                .filter(|g| g.user_id == u.id)
                .map(parse_grant)
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Account { user: u, grants })
        })
        .collect()
}

/// One account with its grants.
pub async fn account(db: &impl ConnectionTrait, id: UserId) -> Result<Account, StoreError> {
    let user = user::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(Account {
        grants: grants(db, id).await?,
        user,
    })
}

/// The display names of the accounts behind audit labels (`user:<id>`), for showing who
/// did something; other labels are left out.
pub async fn names_of_actors(
    db: &impl sea_orm::ConnectionTrait,
    labels: &[&str],
) -> Result<std::collections::HashMap<String, String>, StoreError> {
    let ids: Vec<i64> = labels
        .iter()
        .filter_map(|l| l.strip_prefix("user:")?.parse().ok())
        .collect();
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (format!("user:{}", u.id), u.display_name))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_follow_the_policy_and_verify() {
        assert!(Password::parse("short").is_err());
        let p = Password::parse("correct horse battery").unwrap();
        assert_eq!(format!("{p:?}"), "Password(***)");
        let h = p.hash().unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password(&h, "correct horse battery"));
        assert!(!verify_password(&h, "correct horse batterY"));
        assert!(!verify_password("not a hash", "x"));
    }

    #[test]
    fn usernames_are_normalised_and_checked() {
        assert_eq!(parse_username(" Admin.Rehamna ").unwrap(), "admin.rehamna");
        assert!(parse_username("ab").is_err());
        assert!(parse_username("سعيد").is_err());
        assert!(parse_username("a b c").is_err());
    }
}

/// What the accounts list may be sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Username,
    Name,
    /// Active accounts before inactive ones (ascending).
    Active,
}

/// Rows of `role_grants` that a holder of `viewer` could grant: the condition form of
/// `access::may_grant`, so that the database keeps only the accounts the viewer may see.
fn grantable_condition(viewer: &[(Role, Scope)]) -> sea_orm::sea_query::Condition {
    use sea_orm::sea_query::{Condition, Expr};
    let mut any = Condition::any().add(Expr::cust("1 = 0"));
    for (own_role, own_scope) in viewer {
        for role in own_role.grantable() {
            let kinds: Vec<&str> = role.scope_kinds().to_vec();
            let within = match own_scope {
                Scope::National => Condition::all(),
                Scope::Region(r) => Condition::any()
                    .add(
                        Condition::all()
                            .add(role_grant::Column::ScopeKind.eq("region"))
                            .add(role_grant::Column::ScopeCode.eq(r.to_string())),
                    )
                    .add(
                        Condition::all()
                            .add(role_grant::Column::ScopeKind.eq("province"))
                            .add(role_grant::Column::ScopeCode.starts_with(format!("{r}."))),
                    ),
                Scope::Province(p) => Condition::all()
                    .add(role_grant::Column::ScopeKind.eq("province"))
                    .add(role_grant::Column::ScopeCode.eq(p.to_string())),
                Scope::Establishment(id) => Condition::all()
                    .add(role_grant::Column::ScopeKind.eq("establishment"))
                    .add(role_grant::Column::ScopeCode.eq(id.to_string())),
            };
            any = any.add(
                Condition::all()
                    .add(role_grant::Column::Role.eq(role.as_str()))
                    .add(role_grant::Column::ScopeKind.is_in(kinds))
                    .add(within),
            );
        }
    }
    any
}

/// One page of the accounts a holder of `viewer` may see whose username or name
/// contains `text` (`access::may_see_account`,
/// applied by the database), with their grants, and the number of such accounts.
pub async fn visible_page(
    db: &impl ConnectionTrait,
    viewer: &[(Role, Scope)],
    text: &str,
    sort: Sort,
    dir: crate::listing::Direction,
    page: crate::listing::Page,
) -> Result<(Vec<Account>, u64), StoreError> {
    use sea_orm::sea_query::Query;
    use sea_orm::{PaginatorTrait, QuerySelect};
    let mut q = user::Entity::find();
    let national = viewer
        .iter()
        .any(|(r, s)| *r == Role::NationalAdministrator && *s == Scope::National);
    if !national {
        // At least one grant, and none the viewer could not give.
        q = q
            .filter(
                user::Column::Id.in_subquery(
                    Query::select()
                        .column(role_grant::Column::UserId)
                        .from(role_grant::Entity)
                        .to_owned(),
                ),
            )
            .filter(
                user::Column::Id.not_in_subquery(
                    Query::select()
                        .column(role_grant::Column::UserId)
                        .from(role_grant::Entity)
                        .cond_where(grantable_condition(viewer).not())
                        .to_owned(),
                ),
            );
    }
    let t = text.trim();
    if !t.is_empty() {
        q = q.filter(
            sea_orm::sea_query::Condition::any()
                .add(user::Column::Username.contains(t))
                .add(user::Column::DisplayName.contains(t)),
        );
    }
    let total = q.clone().count(db).await?;
    let order = dir.order();
    let q = match sort {
        Sort::Username => q.order_by(user::Column::Username, order),
        Sort::Name => q.order_by(user::Column::DisplayName, order),
        // `true` sorts after `false`: "active first" is descending on the column.
        Sort::Active => q
            .order_by(user::Column::Active, dir.flipped().order())
            .order_by_asc(user::Column::Username),
    };
    let users = q
        .order_by_asc(user::Column::Id)
        .offset(page.offset())
        .limit(page.size)
        .all(db)
        .await?;
    let ids: Vec<i64> = users.iter().map(|u| u.id).collect();
    let all = role_grant::Entity::find()
        .filter(role_grant::Column::UserId.is_in(ids))
        .order_by_asc(role_grant::Column::Id)
        .all(db)
        .await?;
    let accounts = users
        .into_iter()
        .map(|u| {
            let grants = all
                .iter()
                .filter(|g| g.user_id == u.id)
                .map(parse_grant)
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Account { user: u, grants })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok((accounts, total))
}

/// How many accounts exist (e.g. to refuse seeding demo data over real ones).
pub async fn count_users(store: &Store) -> Result<u64, StoreError> {
    use sea_orm::PaginatorTrait;
    Ok(user::Entity::find().count(store.conn()).await?)
}
