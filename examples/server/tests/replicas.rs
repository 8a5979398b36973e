//! Replicas: two server processes on 127.0.0.1 sharing one PostgreSQL database, as behind a load
//! balancer. What one replica stores, the other reads; the database, not a process, decides
//! duplicates; nothing is lost under load or across restarts of every replica.

mod support;

use std::thread;

use serde_json::json;

use support::*;

/// Two replicas on a fresh database; `None` when there is no cluster (outside CI).
fn replicas(test: &str) -> Option<(Db, [Server; 2])> {
    let db = Db::postgres(test)?;
    let servers = [
        Server::start_with(&db, "replica-a", &[]),
        Server::start_with(&db, "replica-b", &[]),
    ];
    Some((db, servers))
}

#[test]
fn a_customer_created_on_one_replica_is_read_on_the_other() {
    let Some((_db, [a, b])) = replicas("read_across") else {
        return;
    };
    let agent = agent();
    let created = post_json(
        &agent,
        &a.url("/customers"),
        &json!({"email": "across@example.com", "name": "Across"}),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["data"]["id"].as_str().expect("id");
    let read = get(&agent, &b.url(&format!("/customers/{id}")));
    assert_eq!(read.status, 200, "{}", read.body);
    assert_eq!(read.body["data"], created.body["data"]);
    // The other replica refuses the same email, in another case.
    let again = post_json(
        &agent,
        &b.url("/customers"),
        &json!({"email": "ACROSS@example.com"}),
    );
    assert_problem(&again, 409);
    // And lists it.
    let list = get(&agent, &b.url("/customers"));
    assert_eq!(list.status, 200, "{}", list.body);
    assert_eq!(list.body["data"][0]["id"], id);
}

/// 20 clients, alternating between the replicas, race to create one email (in two cases):
/// exactly one 201, nineteen 409.
#[test]
fn a_race_for_one_email_across_replicas_has_one_winner() {
    let Some((db, servers)) = replicas("race") else {
        return;
    };
    let urls = servers.each_ref().map(|s| s.url("/customers"));
    let statuses: Vec<u16> = thread::scope(|scope| {
        let handles: Vec<_> = (0..20)
            .map(|i| {
                let url = &urls[i % 2];
                scope.spawn(move || {
                    let email = if i % 4 < 2 {
                        "race@example.com"
                    } else {
                        "RACE@Example.com"
                    };
                    post_json(&agent(), url, &json!({ "email": email })).status
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("client"))
            .collect()
    });
    assert_eq!(
        statuses.iter().filter(|&&s| s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&s| s == 409).count(),
        19,
        "{statuses:?}"
    );
    assert_eq!(db.count(), 1);
}

/// 1,000 creates from 20 clients, spread over both replicas: every one is answered 201, every id
/// is distinct, every customer is in the database and readable on the replica that did not
/// create it.
#[test]
fn a_burst_across_replicas_loses_nothing() {
    const WORKERS: usize = 20;
    const EACH: usize = 50;
    let Some((db, servers)) = replicas("burst") else {
        return;
    };
    let urls = servers.each_ref().map(|s| s.url("/customers"));
    let created: Vec<(usize, String)> = thread::scope(|scope| {
        let handles: Vec<_> = (0..WORKERS)
            .map(|worker| {
                let urls = &urls;
                scope.spawn(move || {
                    let agent = agent();
                    (0..EACH)
                        .map(|i| {
                            let replica = (worker + i) % 2;
                            let body = json!({"email": format!("w{worker}-n{i}@example.com")});
                            let reply = post_json(&agent, &urls[replica], &body);
                            assert_eq!(reply.status, 201, "{}", reply.body);
                            let id = reply.body["data"]["id"].as_str().unwrap_or_default();
                            (replica, id.to_owned())
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker"))
            .collect()
    });
    assert_eq!(created.len(), WORKERS * EACH);
    let mut ids: Vec<&str> = created.iter().map(|(_, id)| id.as_str()).collect();
    assert!(ids.iter().all(|id| is_customer_id(id)));
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), WORKERS * EACH, "ids are distinct");
    assert_eq!(db.count(), i64::try_from(WORKERS * EACH).expect("fits"));
    let agent = agent();
    for (replica, id) in created.iter().step_by(7) {
        let other = &servers[1 - replica];
        let reply = get(&agent, &other.url(&format!("/customers/{id}")));
        assert_eq!(reply.status, 200, "{}", reply.body);
    }
    // The list pages through every one of them, in order, on either replica.
    let mut listed = Vec::new();
    let mut next = "/customers?per_page=200".to_owned();
    for page in 0.. {
        assert!(page <= WORKERS * EACH / 200, "more pages than customers");
        let reply = get(&agent, &servers[page % 2].url(&next));
        assert_eq!(reply.status, 200, "{}", reply.body);
        let data = reply.body["data"].as_array().expect("data");
        listed.extend(
            data.iter()
                .map(|c| c["id"].as_str().unwrap_or_default().to_owned()),
        );
        let pagination = &reply.body["meta"]["pagination"];
        assert_eq!(pagination["estimated_total"], WORKERS * EACH);
        if pagination["has_more"] != true {
            break;
        }
        // The link names the replica that wrote it; the other one serves it as well.
        let link = pagination["next"].as_str().expect("next");
        let replica = &servers[page % 2].base;
        assert!(link.starts_with(replica.as_str()), "{link}");
        next = link.replacen(replica.as_str(), "", 1);
    }
    assert_eq!(listed, ids, "every customer once, in creation (id) order");
}

/// Customers created on both replicas survive stopping and starting every replica.
#[test]
fn data_survives_restarting_every_replica() {
    let Some((db, [a, b])) = replicas("restart") else {
        return;
    };
    let agent = agent();
    let mut kept = Vec::new();
    for (i, server) in [&a, &b].into_iter().enumerate() {
        let reply = post_json(
            &agent,
            &server.url("/customers"),
            &json!({"email": format!("kept{i}@example.com"), "name": "Kept"}),
        );
        assert_eq!(reply.status, 201, "{}", reply.body);
        kept.push(reply.body["data"].clone());
    }
    // Stopped gracefully, the way a deployment replaces replicas.
    for mut server in [a, b] {
        server.terminate();
        assert!(server.wait_exit().success());
    }
    let restarted = [
        Server::start_with(&db, "replica-a-again", &[]),
        Server::start_with(&db, "replica-b-again", &[]),
    ];
    for server in &restarted {
        for data in &kept {
            let id = data["id"].as_str().expect("id");
            let reply = get(&agent, &server.url(&format!("/customers/{id}")));
            assert_eq!(reply.status, 200, "{}", reply.body);
            assert_eq!(reply.body["data"], *data);
        }
        let again = post_json(
            &agent,
            &server.url("/customers"),
            &json!({"email": "KEPT0@example.com"}),
        );
        assert_problem(&again, 409);
    }
}

/// Updates across replicas: a change made on one is read on the other; ten customers racing (over
/// both replicas) to take one email by `PATCH` leave exactly one holding it.
#[test]
fn updates_across_replicas() {
    let Some((db, servers)) = replicas("updates") else {
        return;
    };
    let agent = agent();
    let mut ids = Vec::new();
    for i in 0..10 {
        let reply = post_json(
            &agent,
            &servers[i % 2].url("/customers"),
            &json!({"email": format!("u{i}@example.com")}),
        );
        assert_eq!(reply.status, 201, "{}", reply.body);
        ids.push(reply.body["data"]["id"].as_str().expect("id").to_owned());
    }
    let reply = patch_json(
        &agent,
        &servers[0].url(&format!("/customers/{}", ids[0])),
        &json!({"name": "Changed On A"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let read = get(&agent, &servers[1].url(&format!("/customers/{}", ids[0])));
    assert_eq!(read.body["data"], reply.body["data"]);

    let statuses: Vec<u16> = thread::scope(|scope| {
        let handles: Vec<_> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let url = servers[i % 2].url(&format!("/customers/{id}"));
                scope.spawn(move || {
                    patch_json(
                        &support::agent(),
                        &url,
                        &json!({"email": "Taken@example.com"}),
                    )
                    .status
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("client"))
            .collect()
    });
    assert_eq!(
        statuses.iter().filter(|&&s| s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&s| s == 409).count(),
        9,
        "{statuses:?}"
    );
    assert_eq!(
        pg_number(
            &db.arg,
            "SELECT count(*) FROM customers WHERE lower(email) = 'taken@example.com'"
        ),
        1
    );
}
