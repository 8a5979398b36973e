//! One page of Mollie's list of customers, in HAL form, and its conversion to a [`Page`].

use serde::{Deserialize, Serialize};

use super::{Document, GetCustomerResponse, Link};
use crate::{Customer, CustomerModel, Error, Page};

/// One page of Mollie's list of customers (`GET /v2/customers`), in HAL form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct CustomerList {
    /// The number of customers in this page.
    pub count: u64,
    /// The customers.
    #[customer(nested)]
    #[serde(rename = "_embedded")]
    pub embedded: EmbeddedCustomers,
    /// Links to this page, the previous and the next (`null` on the last page).
    #[customer(nested)]
    #[serde(rename = "_links", default, skip_serializing_if = "Option::is_none")]
    pub links: Option<ListLinks>,
}

/// The `_embedded` of a list page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct EmbeddedCustomers {
    /// The customers, each read as a [`GetCustomerResponse`].
    #[customer(nested)]
    pub customers: Vec<GetCustomerResponse>,
}

/// The `_links` of a list page; each member optional and nullable.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
pub struct ListLinks {
    /// This page.
    #[customer(nested)]
    #[serde(
        rename = "self",
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub self_link: Option<Option<Link>>,
    /// The previous page (`null` on the first).
    #[customer(nested)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub previous: Option<Option<Link>>,
    /// The next page (`null` on the last).
    #[customer(nested)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub next: Option<Option<Link>>,
    /// The documentation of the endpoint.
    #[customer(nested)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub documentation: Option<Option<Link>>,
}

impl From<CustomerList> for Page {
    fn from(list: CustomerList) -> Self {
        let next = list
            .links
            .and_then(|links| links.next.flatten())
            .map(|link| link.href);
        Page {
            customers: list
                .embedded
                .customers
                .into_iter()
                .map(Customer::from)
                .collect(),
            next,
        }
    }
}

pub(in crate::providers) fn decode_list(document: &Document<'_>) -> Result<Page, Error> {
    Ok(document.parse::<CustomerList>()?.into())
}
