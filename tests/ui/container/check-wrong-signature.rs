use customer_core::CustomerModel;

#[derive(CustomerModel)]
#[customer(check = dates_in_order)]
struct Period {
    start: u32,
    end: u32,
}

fn dates_in_order(period: &Period) -> bool {
    period.start <= period.end
}

fn main() {}
