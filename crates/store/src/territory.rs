//! The territory of a person's grants as a query condition, shared by every scoped
//! handle: national sees all, a region the provinces whose code starts with it, a
//! province its own rows, an establishment grant what `establishment` says it reaches.
//! With no grant the condition matches nothing.

use jisr_domain::access::Scope;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Condition, Expr, SimpleExpr};

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
