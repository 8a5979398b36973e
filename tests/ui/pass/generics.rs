use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Address {
    #[customer(length(min = 1, max = 64))]
    line1: String,
}

// `T` gets a `CustomerModel` bound through the `nested` field only; `M` is never checked and
// needs no bound at all; the lifetime and the where clause are carried over.
#[derive(CustomerModel)]
struct Envelope<'a, T, M>
where
    M: Send,
{
    #[customer(nested)]
    data: Vec<T>,
    #[customer(email)]
    reply_to: Option<&'a str>,
    #[customer(length(max = 10))]
    tags: &'a [String],
    #[customer(skip_nested)]
    marker: M,
}

struct NotAModel;

fn assert_model<T: CustomerModel>(_: &T) {}

fn main() {
    let envelope = Envelope {
        data: Vec::<Address>::new(),
        reply_to: None,
        tags: &[],
        marker: NotAModel,
    };
    assert_model(&envelope);
    assert!(envelope.validate().is_ok());
}
