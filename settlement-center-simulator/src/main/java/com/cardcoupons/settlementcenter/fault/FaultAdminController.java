package com.cardcoupons.settlementcenter.fault;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Adds, lists and clears fault rules at run time. */
@RestController
@RequestMapping("/admin/faults")
class FaultAdminController {

    private final Faults faults;

    FaultAdminController(Faults faults) {
        this.faults = faults;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FaultRule add(@Valid @RequestBody FaultRule rule) {
        faults.add(rule);
        return rule;
    }

    @GetMapping
    List<FaultRule> list() {
        return faults.list();
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear() {
        faults.clear();
    }
}
