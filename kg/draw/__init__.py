"""The relationship graph: conversion, layout, page, pictures, stats."""
