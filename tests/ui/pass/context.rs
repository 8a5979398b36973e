use customer_core::{CustomerModel, CustomerModelWith, RuleError, ValidationErrors};

struct Limits {
    name_max: usize,
}

#[derive(CustomerModel)]
#[customer(context(Limits))]
struct Line {
    #[customer(length(max = ctx.name_max))]
    text: String,
}

#[derive(CustomerModel)]
struct Plain {
    #[customer(length(max = 3))]
    code: String,
}

// Generic, with a nested model of the same context, a plain nested model and `each(nested)`.
#[derive(CustomerModel)]
#[customer(context(Limits), check = whole)]
struct Form<'a, M> {
    #[customer(length(max = ctx.name_max), custom = short)]
    name: &'a str,
    #[customer(nested)]
    lines: Vec<Line>,
    #[customer(nested)]
    plain: Option<Plain>,
    #[customer(each(nested))]
    more: Vec<Line>,
    #[customer(skip_nested)]
    marker: M,
}

fn short(value: &str, limits: &Limits) -> Result<(), RuleError> {
    if value.len() <= limits.name_max {
        Ok(())
    } else {
        Err(RuleError::new("short", "too long"))
    }
}

fn whole<M>(form: &Form<'_, M>, _: &Limits) -> Result<(), ValidationErrors> {
    let _ = form.lines.len();
    Ok(())
}

fn main() {
    let form = Form {
        name: "Jo",
        lines: vec![Line {
            text: "hello".to_owned(),
        }],
        plain: Some(Plain {
            code: "abcd".to_owned(),
        }),
        more: Vec::new(),
        marker: (),
    };
    let errors = form.validate_with(&Limits { name_max: 4 }).unwrap_err();
    let pointers: Vec<&str> = errors.iter().map(|v| v.pointer()).collect();
    assert_eq!(pointers, ["/lines/0/text", "/plain/code"]);
}
