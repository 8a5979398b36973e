//! The customer shapes of the payment APIs we model.
