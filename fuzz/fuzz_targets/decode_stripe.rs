//! `Api::Stripe.decode` on arbitrary UTF-8 (JSON documents and form bodies); when it decodes, every API's `encode` of the customer
//! and the round trip through each body written (see `customer_model_fuzz::decode_round`).

#![no_main]

use customer_core::providers::Api;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    customer_model_fuzz::decode_round(Api::Stripe, data);
});
