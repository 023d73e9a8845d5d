package dev.hearth;
public class Hearth { public static void main(String[] a) {} }
