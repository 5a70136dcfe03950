-- settlement-relay: a payment's answer and the moves of its follow-ups are written by one statement. When a follow-up
-- the answer names is not in the state its move starts from, the statement must refuse itself whole, so that nothing
-- of the answer is written; a plain SQL statement cannot, so it asks this function.
create function relay_require(condition boolean, rule text) returns boolean
    language plpgsql as
$$
begin
    if not condition then
        raise exception 'settlement relay: %', rule using errcode = 'P0001';
    end if;
    return true;
end;
$$;
