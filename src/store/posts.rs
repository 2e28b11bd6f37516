//! The register of border posts.

use rusqlite::{Connection, OptionalExtension, params};

use super::convert::{self, POST_COLUMNS};
use super::{LogEntry, Result, Store, StoreError, log, now};
use crate::domain::post::{Post, PostCode};

/// Whether a post with this code is registered.
pub(super) fn exists(conn: &Connection, code: &PostCode) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM posts WHERE code = ?1)",
        [code.as_str()],
        |r| r.get(0),
    )?)
}

impl Store {
    pub fn add_post(&mut self, post: &Post) -> Result<()> {
        let at = now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        if exists(&tx, &post.code)? {
            return Err(StoreError::DuplicatePost(post.code.to_string()));
        }
        tx.execute(
            &format!(
                "INSERT INTO posts ({POST_COLUMNS}, created_at, created_by)
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
            ),
            params![
                post.code.as_str(),
                post.name,
                post.country.as_str(),
                post.neighbour.as_str(),
                post.kind.code(),
                post.cargo,
                post.model.code(),
                post.profile.lanes,
                post.profile.cargo_lanes,
                post.profile.booths,
                post.profile.shifts,
                convert::to_json_list(&post.agencies),
                at,
                actor,
            ],
        )?;
        log(
            &tx,
            &actor,
            &at,
            LogEntry {
                assessment: None,
                entity: "post",
                entity_id: post.code.as_str(),
                field: "created",
                old: None,
                new: Some(post.name.clone()),
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn posts(&self) -> Result<Vec<Post>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {POST_COLUMNS} FROM posts ORDER BY code"))?;
        let rows = stmt.query_map([], convert::post)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn post(&self, code: &PostCode) -> Result<Post> {
        self.conn
            .query_row(
                &format!("SELECT {POST_COLUMNS} FROM posts WHERE code = ?1"),
                [code.as_str()],
                convert::post,
            )
            .optional()?
            .ok_or_else(|| StoreError::UnknownPost(code.to_string()))
    }

    pub fn post_exists(&self, code: &PostCode) -> Result<bool> {
        exists(&self.conn, code)
    }
}
