//! The one way a request reaches territorial records: an [`Access`] holds the store and
//! the person's [`Grants`], and every context's handle is built from it (with
//! [`scoped_handle!`]), so each query carries the territory of the grants and each
//! check reads the one table of capabilities (`jisr_domain::access`).
//!
//! The territory as a query condition: national sees all, a region the provinces whose
//! code starts with it, a province its own rows, an establishment grant what the context
//! says it reaches. With no grant the condition matches nothing.
//!
//! The only door past the grants is [`Access::unscoped_for_system_jobs`], for the demo
//! seed, imports and benchmarks; never for a request.

use crate::Store;
use jisr_domain::access::{Capability, Grants, Role, Scope};
use jisr_domain::geo::ProvinceCode;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Condition, Expr, SimpleExpr};

/// A person's reach into the store: the store, their grants, and whether this is a
/// system job (which holds every capability everywhere).
#[derive(Clone)]
pub struct Access<'a> {
    store: &'a Store,
    grants: Grants,
    system: bool,
}

impl<'a> Access<'a> {
    /// The records a person holding `grants` may reach.
    pub fn new(store: &'a Store, grants: impl Into<Grants>) -> Self {
        Self {
            store,
            grants: grants.into(),
            system: false,
        }
    }

    /// Everything, with every capability: for system jobs (demo seed, imports,
    /// benchmarks). Never for a request.
    pub fn unscoped_for_system_jobs(store: &'a Store) -> Self {
        Self {
            store,
            grants: vec![(Role::NationalAdministrator, Scope::National)].into(),
            system: true,
        }
    }

    pub fn store(&self) -> &'a Store {
        self.store
    }

    pub fn grants(&self) -> &Grants {
        &self.grants
    }

    /// Whether the grants reach the whole country.
    pub fn is_national(&self) -> bool {
        self.system || self.grants.scopes().any(|s| *s == Scope::National)
    }

    /// Whether the person holds `capability` somewhere.
    pub fn can(&self, capability: Capability) -> bool {
        self.system || self.grants.can(capability)
    }

    /// Whether the person holds `capability` over `province`.
    pub fn can_in_province(&self, capability: Capability, province: &ProvinceCode) -> bool {
        self.system || self.grants.can_in_province(capability, province)
    }

    /// Whether the person holds `capability` over the establishment `id` in `province`.
    pub fn can_at_establishment(
        &self,
        capability: Capability,
        province: &ProvinceCode,
        id: i64,
    ) -> bool {
        self.system || self.grants.can_at_establishment(capability, province, id)
    }

    /// Whether any grant covers `province` (for registering a record there).
    pub fn covers_province(&self, province: &ProvinceCode) -> bool {
        self.system || self.grants.covers_province(province)
    }

    /// The territory of the grants as a condition on the rows whose province code is
    /// in `province`; `establishment` says what an establishment grant reaches (none
    /// when it gives `None`).
    pub fn condition<C: ColumnTrait>(
        &self,
        province: C,
        establishment: impl Fn(i64) -> Option<SimpleExpr>,
    ) -> Condition {
        if self.system {
            return Condition::all();
        }
        condition(self.grants.scopes(), province, establishment)
    }
}

/// Rows whose `province` column lies within one of the scopes.
pub(crate) fn condition<'a, C: ColumnTrait>(
    scopes: impl IntoIterator<Item = &'a Scope>,
    province: C,
    establishment: impl Fn(i64) -> Option<SimpleExpr>,
) -> Condition {
    let mut any = Condition::any().add(Expr::cust("1 = 0"));
    for scope in scopes {
        any = match scope {
            Scope::National => return Condition::all(),
            Scope::Region(r) => any.add(province.starts_with(format!("{r}."))),
            Scope::Province(p) => any.add(province.eq(p.as_str())),
            Scope::Establishment(id) => match establishment(*id) {
                Some(expr) => any.add(expr),
                None => any,
            },
        };
    }
    any
}

/// Declares a context's scoped handle: a type wrapping an [`Access`], built from one
/// (`From`), reading through it (`Deref`), with the two doors every handle has.
#[macro_export]
macro_rules! scoped_handle {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone)]
        pub struct $name<'a> {
            access: $crate::access::Access<'a>,
        }

        impl<'a> $name<'a> {
            /// The records a person holding `grants` may reach.
            pub fn new(
                store: &'a $crate::Store,
                grants: &[(jisr_domain::access::Role, jisr_domain::access::Scope)],
            ) -> Self {
                $crate::access::Access::new(store, grants).into()
            }

            /// Every record, for system jobs. Never for a request.
            pub fn unscoped_for_system_jobs(store: &'a $crate::Store) -> Self {
                $crate::access::Access::unscoped_for_system_jobs(store).into()
            }

            pub fn access(&self) -> &$crate::access::Access<'a> {
                &self.access
            }
        }

        impl<'a> From<$crate::access::Access<'a>> for $name<'a> {
            fn from(access: $crate::access::Access<'a>) -> Self {
                Self { access }
            }
        }

        impl<'a> std::ops::Deref for $name<'a> {
            type Target = $crate::access::Access<'a>;

            fn deref(&self) -> &Self::Target {
                &self.access
            }
        }
    };
}
