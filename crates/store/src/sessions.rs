//! Sign-in, sessions and throttling of failed attempts.
//!
//! A session token is 32 random bytes shown to the browser once; only its SHA-256 is
//! stored. Unknown usernames and wrong passwords take the same time and get the same
//! answer. Throttle keys are hashed too, so a mistyped password in the username field is
//! never stored in clear.

use crate::accounts::{grants, verify_password};
use crate::audit::{self, Actor, Change};
use crate::entity::{login_throttle, session, user};
use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use jisr_domain::access::{Grants, Role, Scope};
use jisr_domain::session::{SessionPolicy, ThrottlePolicy, ThrottleState};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter,
};
use sha2::{Digest, Sha256};

fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

fn time_text(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// A signed-in person: their account and grants.
#[derive(Debug, Clone)]
pub struct SessionUser {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub must_change_password: bool,
    pub grants: Grants,
    /// The password was right; the one-time code is still to be given.
    pub pending_second_factor: bool,
    /// The account has a confirmed TOTP second factor.
    pub totp_enabled: bool,
}

impl SessionUser {
    pub(crate) fn from_model(u: user::Model, grants: Vec<(Role, Scope)>, pending: bool) -> Self {
        Self {
            user_id: u.id,
            username: u.username,
            display_name: u.display_name,
            must_change_password: u.must_change_password,
            grants: grants.into(),
            pending_second_factor: pending,
            totp_enabled: u.totp_enabled,
        }
    }

    /// National administrators must use a second factor.
    pub fn needs_second_factor_enrolment(&self) -> bool {
        !self.totp_enabled && self.grants.has_role(Role::NationalAdministrator)
    }
}

/// The result of a sign-in attempt.
#[derive(Debug)]
pub enum SignIn {
    /// Signed in: the new session token (to put in the cookie) and the person.
    Ok { token: String, user: SessionUser },
    /// Unknown user or wrong password (never told apart).
    Invalid,
    /// Too many failures: try again later.
    Locked,
}

async fn throttle_get(
    db: &impl ConnectionTrait,
    key: &str,
) -> Result<Option<ThrottleState>, StoreError> {
    Ok(login_throttle::Entity::find_by_id(key)
        .one(db)
        .await?
        .and_then(|m| {
            Some(ThrottleState {
                failures: u32::try_from(m.failures).ok()?,
                first_failure: parse_time(&m.first_failure_at)?,
                locked_until: m.locked_until.as_deref().and_then(parse_time),
            })
        }))
}

async fn throttle_put(
    db: &impl ConnectionTrait,
    key: &str,
    state: &ThrottleState,
) -> Result<(), StoreError> {
    let model = login_throttle::ActiveModel {
        key: Set(key.to_owned()),
        failures: Set(state.failures as i32),
        first_failure_at: Set(time_text(state.first_failure)),
        locked_until: Set(state.locked_until.map(time_text)),
    };
    if login_throttle::Entity::find_by_id(key)
        .one(db)
        .await?
        .is_some()
    {
        model.update(db).await?;
    } else {
        login_throttle::Entity::insert(model)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// A write transaction in which the throttle counters can be read and updated without a
/// race: SQLite's write lock is taken at `BEGIN`; PostgreSQL locks the counters' table
/// against other writers (readers are not blocked).
async fn begin_throttled(store: &Store) -> Result<sea_orm::DatabaseTransaction, StoreError> {
    use sea_orm::ConnectionTrait;
    let txn = store.begin_write().await?;
    if txn.get_database_backend() == sea_orm::DbBackend::Postgres {
        txn.execute_unprepared("LOCK TABLE login_throttle IN SHARE ROW EXCLUSIVE MODE")
            .await?;
    }
    Ok(txn)
}

/// A hash that verifies nothing, so unknown users cost the same time as known ones.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| {
        crate::accounts::Password::parse("decoy password that matches nothing")
            .and_then(|p| p.hash())
            .unwrap_or_default()
    })
}

/// Checks a username and password, applying the throttles for the account and the address,
/// and opens a session on success (recorded in the audit trail).
pub async fn sign_in(
    store: &Store,
    username: &str,
    password: &str,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<SignIn, StoreError> {
    let name = username.trim().to_lowercase();
    let account_key = sha256_hex(&format!("user:{name}"));
    let address_key = sha256_hex(&format!("addr:{}", actor.address));
    let db = store.conn();
    let account_p = ThrottlePolicy::ACCOUNT;
    let address_p = ThrottlePolicy::ADDRESS;
    // A first, unlocked look decides the slow-down; the decision itself is taken again
    // under the lock below, so parallel guesses cannot share one stale count.
    let delay = account_p
        .delay(throttle_get(db, &account_key).await?.as_ref())
        .max(address_p.delay(throttle_get(db, &address_key).await?.as_ref()));
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let found = user::Entity::find()
        .filter(user::Column::Username.eq(&name))
        .one(db)
        .await?;
    // The password is checked even when locked or unknown, so timing tells nothing.
    let hash = found
        .as_ref()
        .map_or(decoy_hash(), |u| u.password_hash.as_str())
        .to_owned();
    let password_ok = crate::accounts::verify_password_bounded(hash, password.to_owned()).await
        && found.as_ref().is_some_and(|u| u.active);

    let txn = begin_throttled(store).await?;
    let account_state = throttle_get(&txn, &account_key).await?;
    let address_state = throttle_get(&txn, &address_key).await?;
    let locked = account_p.is_locked(account_state.as_ref(), now)
        || address_p.is_locked(address_state.as_ref(), now);
    // Failures are recorded by an anonymous actor against the account they aimed at.
    let anonymous = Actor {
        label: "anonymous".into(),
        role: String::new(),
        scope: String::new(),
        ..actor.clone()
    };
    if locked || !password_ok || found.is_none() {
        if !locked {
            throttle_put(
                &txn,
                &account_key,
                &account_p.after_failure(account_state.as_ref(), now),
            )
            .await?;
            throttle_put(
                &txn,
                &address_key,
                &address_p.after_failure(address_state.as_ref(), now),
            )
            .await?;
        }
        if let Some(known) = &found {
            let action = if locked {
                jisr_domain::audit::Action::LoginLocked
            } else {
                jisr_domain::audit::Action::LoginFailed
            };
            audit::record_event(
                &txn,
                &anonymous,
                action,
                jisr_domain::audit::Entity::User,
                known.id.to_string(),
            )
            .await?;
        }
        txn.commit().await?;
        return Ok(if locked {
            SignIn::Locked
        } else {
            SignIn::Invalid
        });
    }
    let Some(u) = found else {
        return Ok(SignIn::Invalid);
    };
    login_throttle::Entity::delete_by_id(account_key)
        .exec(&txn)
        .await?;
    let token = hex::encode(rand::random::<[u8; 32]>());
    let stamp = time_text(now);
    session::Entity::insert(session::ActiveModel {
        token_hash: Set(sha256_hex(&token)),
        user_id: Set(u.id),
        created_at: Set(stamp.clone()),
        last_seen_at: Set(stamp),
        pending_second_factor: Set(u.totp_enabled),
    })
    .exec_without_returning(&txn)
    .await?;
    audit::record_event(
        &txn,
        &Actor {
            label: format!("user:{}", u.id),
            ..actor.clone()
        },
        jisr_domain::audit::Action::Login,
        jisr_domain::audit::Entity::User,
        u.id.to_string(),
    )
    .await?;
    txn.commit().await?;
    let grants = grants(store.conn(), jisr_domain::ids::UserId(u.id)).await?;
    let pending = u.totp_enabled;
    Ok(SignIn::Ok {
        token,
        user: SessionUser::from_model(u, grants, pending),
    })
}

/// The person behind a session token, if the session is still valid. Marks it used
/// (at most once a minute, to spare writes).
pub async fn resolve(
    store: &Store,
    token: &str,
    policy: &SessionPolicy,
    now: DateTime<Utc>,
) -> Result<Option<SessionUser>, StoreError> {
    let hash = sha256_hex(token);
    let db = store.conn();
    let Some(s) = session::Entity::find_by_id(hash.as_str()).one(db).await? else {
        return Ok(None);
    };
    let (Some(created), Some(seen)) = (parse_time(&s.created_at), parse_time(&s.last_seen_at))
    else {
        return Ok(None);
    };
    if !policy.is_valid(created, seen, now) {
        session::Entity::delete_by_id(hash).exec(db).await?;
        return Ok(None);
    }
    let Some(u) = user::Entity::find_by_id(s.user_id).one(db).await? else {
        return Ok(None);
    };
    if !u.active {
        return Ok(None);
    }
    let pending = s.pending_second_factor;
    if now - seen >= chrono::Duration::minutes(1) {
        let mut am = s.into_active_model();
        am.last_seen_at = Set(time_text(now));
        am.update(db).await?;
    }
    let grants = grants(db, jisr_domain::ids::UserId(u.id)).await?;
    Ok(Some(SessionUser::from_model(u, grants, pending)))
}

/// Ends a session (sign-out), recorded in the audit trail.
pub async fn sign_out(store: &Store, token: &str, actor: &Actor) -> Result<(), StoreError> {
    let hash = sha256_hex(token);
    let txn = store.begin_write().await?;
    if let Some(s) = session::Entity::find_by_id(hash.as_str()).one(&txn).await? {
        session::Entity::delete_by_id(hash).exec(&txn).await?;
        audit::record_event(
            &txn,
            actor,
            jisr_domain::audit::Action::Logout,
            jisr_domain::audit::Entity::User,
            s.user_id.to_string(),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Changes a password after checking the current one; ends every session of the account,
/// clears the forced-change flag, and returns a new session token for the person who
/// changed it (the one they used is ended too).
pub async fn change_password(
    store: &Store,
    user_id: i64,
    current: &str,
    new: &crate::accounts::Password,
    keep_token: &str,
    actor: &Actor,
) -> Result<String, StoreError> {
    let u = user::Entity::find_by_id(user_id)
        .one(store.conn())
        .await?
        .ok_or(StoreError::NotFound)?;
    // Guesses of the current password are throttled like sign-ins, on their own counter.
    let now = Utc::now();
    let key = sha256_hex(&format!("password:{}", u.username));
    let policy = ThrottlePolicy::ACCOUNT;
    {
        let txn = begin_throttled(store).await?;
        let state = throttle_get(&txn, &key).await?;
        txn.commit().await?;
        if policy.is_locked(state.as_ref(), now) {
            return Err(StoreError::Invalid("locked".into()));
        }
    }
    if !crate::accounts::verify_password_bounded(u.password_hash.clone(), current.to_owned()).await
    {
        let txn = begin_throttled(store).await?;
        let state = throttle_get(&txn, &key).await?;
        throttle_put(&txn, &key, &policy.after_failure(state.as_ref(), now)).await?;
        audit::record_event(
            &txn,
            actor,
            jisr_domain::audit::Action::PasswordChangeFailed,
            jisr_domain::audit::Entity::User,
            user_id.to_string(),
        )
        .await?;
        txn.commit().await?;
        return Err(StoreError::Invalid("current-password".into()));
    }
    if verify_password(&u.password_hash, new.expose()) {
        return Err(StoreError::Invalid("same-password".into()));
    }
    let hash = new.hash()?;
    let txn = store.begin_write().await?;
    let mut am = u.into_active_model();
    am.password_hash = Set(hash);
    am.must_change_password = Set(false);
    am.update(&txn).await?;
    let kept = session::Entity::find_by_id(sha256_hex(keep_token))
        .one(&txn)
        .await?
        .filter(|s| s.user_id == user_id)
        .ok_or(StoreError::NotFound)?;
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    let fresh = hex::encode(rand::random::<[u8; 32]>());
    session::Entity::insert(session::ActiveModel {
        token_hash: Set(sha256_hex(&fresh)),
        user_id: Set(user_id),
        created_at: Set(kept.created_at),
        last_seen_at: Set(crate::now_text()),
        pending_second_factor: Set(false),
    })
    .exec_without_returning(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
        Change {
            action: jisr_domain::audit::Action::PasswordChange,
            entity: jisr_domain::audit::Entity::User,
            entity_id: user_id.to_string(),
            before: None,
            after: Some(serde_json::json!({ "password": "***", "must_change_password": false })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(fresh)
}

/// The number of open sessions of an account.
pub async fn count_for_user(store: &Store, user_id: i64) -> Result<u64, StoreError> {
    use sea_orm::PaginatorTrait;
    Ok(session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .count(store.conn())
        .await?)
}

/// Completes a sign-in with the one-time code. A wrong code counts as a failed sign-in
/// for the account (and locks it the same way); a code is accepted once.
pub async fn complete_second_factor(
    store: &Store,
    token: &str,
    code: &str,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<SignIn, StoreError> {
    let hash = sha256_hex(token);
    // Everything is read and decided under the throttle lock: parallel guesses queue, each
    // sees the failures before it, and a code's step is recorded before the next check.
    let txn = begin_throttled(store).await?;
    let Some(s) = session::Entity::find_by_id(hash.as_str()).one(&txn).await? else {
        return Ok(SignIn::Invalid);
    };
    let u = user::Entity::find_by_id(s.user_id)
        .one(&txn)
        .await?
        .ok_or(StoreError::NotFound)?;
    // Its own counter: a correct password does not clear the count of wrong codes.
    let key = sha256_hex(&format!("totp:{}", u.username));
    let policy = ThrottlePolicy::ACCOUNT;
    let state = throttle_get(&txn, &key).await?;
    let anonymous = Actor {
        label: "anonymous".into(),
        role: String::new(),
        scope: String::new(),
        ..actor.clone()
    };
    if policy.is_locked(state.as_ref(), now) {
        audit::record_event(
            &txn,
            &anonymous,
            jisr_domain::audit::Action::LoginLocked,
            jisr_domain::audit::Entity::User,
            u.id.to_string(),
        )
        .await?;
        txn.commit().await?;
        return Ok(SignIn::Locked);
    }
    let secret = u
        .totp_secret
        .as_deref()
        .and_then(jisr_domain::totp::base32_decode);
    let step =
        secret.and_then(|k| jisr_domain::totp::verify(&k, code, now.timestamp(), u.totp_last_step));
    let Some(step) = step.filter(|_| s.pending_second_factor && u.totp_enabled) else {
        throttle_put(&txn, &key, &policy.after_failure(state.as_ref(), now)).await?;
        audit::record_event(
            &txn,
            &anonymous,
            jisr_domain::audit::Action::LoginSecondFactorFailed,
            jisr_domain::audit::Entity::User,
            u.id.to_string(),
        )
        .await?;
        txn.commit().await?;
        return Ok(SignIn::Invalid);
    };
    // A new token once the second factor is given: the one issued with the password alone
    // (which may have been seen) opens nothing further.
    let fresh = hex::encode(rand::random::<[u8; 32]>());
    session::Entity::insert(session::ActiveModel {
        token_hash: Set(sha256_hex(&fresh)),
        user_id: Set(s.user_id),
        created_at: Set(s.created_at.clone()),
        last_seen_at: Set(time_text(now)),
        pending_second_factor: Set(false),
    })
    .exec_without_returning(&txn)
    .await?;
    session::Entity::delete_by_id(s.token_hash)
        .exec(&txn)
        .await?;
    let id = u.id;
    let mut uu = u.into_active_model();
    uu.totp_last_step = Set(Some(step));
    let u = uu.update(&txn).await?;
    login_throttle::Entity::delete_by_id(key).exec(&txn).await?;
    audit::record_event(
        &txn,
        &Actor {
            label: format!("user:{id}"),
            ..actor.clone()
        },
        jisr_domain::audit::Action::LoginSecondFactor,
        jisr_domain::audit::Entity::User,
        id.to_string(),
    )
    .await?;
    txn.commit().await?;
    let grants = grants(store.conn(), jisr_domain::ids::UserId(id)).await?;
    Ok(SignIn::Ok {
        token: fresh,
        user: SessionUser::from_model(u, grants, false),
    })
}

/// The secret an account is enrolling with, made on first call and kept until the
/// enrolment is confirmed.
pub async fn totp_secret_for_enrolment(
    store: &Store,
    user_id: i64,
    actor: &Actor,
) -> Result<String, StoreError> {
    let u = user::Entity::find_by_id(user_id)
        .one(store.conn())
        .await?
        .ok_or(StoreError::NotFound)?;
    if u.totp_enabled {
        return Err(StoreError::Conflict("second factor already enabled".into()));
    }
    if let Some(secret) = u.totp_secret.clone() {
        return Ok(secret);
    }
    let secret = jisr_domain::totp::base32_encode(&rand::random::<[u8; 20]>());
    let txn = store.begin_write().await?;
    let mut am = u.into_active_model();
    am.totp_secret = Set(Some(secret.clone()));
    am.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        Change {
            action: jisr_domain::audit::Action::TotpEnrol,
            entity: jisr_domain::audit::Entity::User,
            entity_id: user_id.to_string(),
            before: None,
            after: Some(serde_json::json!({ "totp_secret": "***" })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(secret)
}

/// Confirms enrolment with a first code from the authenticator.
pub async fn confirm_totp(
    store: &Store,
    user_id: i64,
    code: &str,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let u = user::Entity::find_by_id(user_id)
        .one(store.conn())
        .await?
        .ok_or(StoreError::NotFound)?;
    let Some(secret) = u
        .totp_secret
        .as_deref()
        .and_then(jisr_domain::totp::base32_decode)
    else {
        return Ok(false);
    };
    let Some(step) = jisr_domain::totp::verify(&secret, code, now.timestamp(), u.totp_last_step)
    else {
        return Ok(false);
    };
    let txn = store.begin_write().await?;
    let mut am = u.into_active_model();
    am.totp_enabled = Set(true);
    am.totp_last_step = Set(Some(step));
    am.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        Change {
            action: jisr_domain::audit::Action::TotpEnable,
            entity: jisr_domain::audit::Entity::User,
            entity_id: user_id.to_string(),
            before: None,
            after: Some(serde_json::json!({ "totp_enabled": true })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}
